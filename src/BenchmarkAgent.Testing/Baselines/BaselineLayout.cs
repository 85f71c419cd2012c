using System.Text;

namespace BenchmarkAgent.Testing.Baselines;

/// <summary>
/// Where baselines live: <c>&lt;snapshot folder&gt;/baselines/&lt;subject-slug&gt;.json</c>, next to the benchmark's
/// <c>items.json</c>, one file per subject.
/// </summary>
internal static class BaselineLayout
{
    /// <summary>The folder of a benchmark's baselines, inside its snapshot folder.</summary>
    public const string FolderName = "baselines";

    /// <summary>The longest slug; longer labels are cut (the full label is kept inside the file and checked on read).</summary>
    public const int MaxSlugLength = 80;

    /// <summary>
    /// Turns a subject label (untrusted text: a model id from the environment) into a safe file name: lower-case
    /// ASCII letters and digits, with '.', '_' and '-' kept; every other run of characters becomes one '-'. The
    /// result never holds a separator or "..", never starts or ends with '.' or '-', is never empty and never a
    /// reserved device name. Labels that map to the same slug are told apart by the label stored in the file.
    /// </summary>
    /// <param name="subjectLabel">The subject label, e.g. <c>gpt-4o-mini</c> or <c>baseline/random-guess</c>.</param>
    /// <returns>The slug, e.g. <c>gpt-4o-mini</c> or <c>baseline-random-guess</c>.</returns>
    public static string Slug(string subjectLabel)
    {
        ArgumentNullException.ThrowIfNull(subjectLabel);
        var slug = new StringBuilder(subjectLabel.Length);
        foreach (char ch in subjectLabel)
        {
            char lower = char.ToLowerInvariant(ch);
            if (lower == '.' && (slug.Length == 0 || slug[^1] is '.' or '-'))
            {
                continue; // never "..", never a leading dot
            }

            char next = char.IsAsciiLetterOrDigit(lower) || lower is '_' or '-' or '.' ? lower : '-';
            if (next == '-' && slug.Length > 0 && slug[^1] == '-')
            {
                continue;
            }

            slug.Append(next);
            if (slug.Length >= MaxSlugLength)
            {
                break;
            }
        }

        string text = slug.ToString().Trim('-', '.');
        if (text.Length == 0)
        {
            return "subject";
        }

        return Snapshots.ReservedFileNames.IsReserved(text) ? "subject-" + text : text;
    }

    /// <summary>The baseline file of a subject inside a benchmark's snapshot folder.</summary>
    /// <param name="snapshotDirectory">The benchmark's snapshot folder (the one holding <c>items.json</c>).</param>
    /// <param name="subjectLabel">The subject label.</param>
    /// <returns>The path of the baseline file.</returns>
    public static string PathFor(string snapshotDirectory, string subjectLabel) =>
        Path.Combine(snapshotDirectory, FolderName, Slug(subjectLabel) + ".json");
}
