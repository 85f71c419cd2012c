namespace BenchmarkAgent.Media;

/// <summary>
/// Finds the <c>espeak-ng</c> program the spoken-audio family needs, on the <c>PATH</c> only (BCL, no process is
/// started), so in-process planning and the generator program agree on whether that family is offered.
/// </summary>
internal static class SpeechSynthesizer
{
    /// <summary>The program's file name.</summary>
    public const string ProgramName = "espeak-ng";

    /// <summary>The full path of <c>espeak-ng</c> in a folder of <paramref name="pathVariable"/> (the <c>PATH</c> value); null when none has it.</summary>
    public static string? Locate(string? pathVariable)
    {
        foreach (string folder in (pathVariable ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Path.IsPathFullyQualified(folder))
            {
                continue;
            }

            foreach (string name in OperatingSystem.IsWindows() ? [ProgramName + ".exe"] : new[] { ProgramName })
            {
                string candidate = Path.Combine(folder, name);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }
}
