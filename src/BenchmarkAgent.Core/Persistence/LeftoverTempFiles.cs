using System.Text.RegularExpressions;

namespace BenchmarkAgent.Persistence;

/// <summary>
/// The temporary siblings <see cref="AtomicFile"/> leaves behind when a generation is killed between writing a
/// temporary file and renaming it. They are never read as snapshot files, but they must not end up committed.
/// </summary>
internal static partial class LeftoverTempFiles
{
    /// <summary>
    /// Deletes the leftover temporary files of snapshot files in <paramref name="directory"/>. Call it only while holding
    /// the <see cref="GenerationLock"/>: a running generation's temporary file looks the same.
    /// </summary>
    /// <returns>How many files were deleted.</returns>
    public static int Delete(string directory)
    {
        if (!Directory.Exists(directory))
        {
            return 0;
        }

        int deleted = 0;
        foreach (string file in Directory.EnumerateFiles(directory, "*.tmp"))
        {
            if (TempName().IsMatch(Path.GetFileName(file)))
            {
                File.Delete(file);
                deleted++;
            }
        }

        return deleted;
    }

    /// <summary><c>&lt;name&gt;.json.&lt;process id&gt;.&lt;32 hex digits&gt;.tmp</c>, the name <see cref="AtomicFile"/> gives a temporary file.</summary>
    [GeneratedRegex(@"^.+\.json\.[0-9]+\.[0-9a-f]{32}\.tmp$", RegexOptions.CultureInvariant)]
    private static partial Regex TempName();
}
