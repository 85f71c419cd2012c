using System.Text;

namespace BenchmarkAgent.Generation.Planning;

/// <summary>Turns a model-written subtask name into a safe kebab-case name (it becomes part of test names and ids). Pure.</summary>
internal static class SubtaskNames
{
    /// <summary>The longest name kept.</summary>
    public const int MaxLength = 40;

    /// <summary>Lowercase ASCII letters and digits joined by single hyphens, at most <see cref="MaxLength"/> characters; <c>subtask</c> when nothing is left.</summary>
    public static string Normalize(string? name)
    {
        var builder = new StringBuilder();
        foreach (char c in (name ?? string.Empty).ToLowerInvariant())
        {
            if (c is (>= 'a' and <= 'z') or (>= '0' and <= '9'))
            {
                builder.Append(c);
            }
            else if (builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append('-');
            }
        }

        string text = builder.ToString().Trim('-');
        text = text.Length > MaxLength ? text[..MaxLength].TrimEnd('-') : text;
        return text.Length == 0 ? "subtask" : text;
    }

    /// <summary>Normalises every name and makes them unique by suffixing <c>-2</c>, <c>-3</c>, ... in order.</summary>
    public static IReadOnlyList<string> Unique(IEnumerable<string?> names)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<string>();
        foreach (string? name in names)
        {
            string baseName = Normalize(name);
            string candidate = baseName;
            for (int n = 2; !seen.Add(candidate); n++)
            {
                candidate = $"{baseName}-{n}";
            }

            result.Add(candidate);
        }

        return result;
    }
}
