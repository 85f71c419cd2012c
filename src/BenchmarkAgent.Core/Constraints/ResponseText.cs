using System.Text.RegularExpressions;

namespace BenchmarkAgent.Constraints;

/// <summary>How the constraints see a response: its words and its lines.</summary>
internal static partial class ResponseText
{
    /// <summary>The words of <paramref name="text"/>: runs of letters, digits and apostrophes.</summary>
    public static IReadOnlyList<string> Words(string text) => Word().Matches(text).Select(m => m.Value).ToList();

    /// <summary>The non-blank lines of <paramref name="text"/>, trimmed.</summary>
    public static IReadOnlyList<string> Lines(string text) =>
        text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();

    /// <summary>True when a line is a bullet: it starts with "- " or "* ".</summary>
    public static bool IsBullet(string line) => line.StartsWith("- ", StringComparison.Ordinal) || line.StartsWith("* ", StringComparison.Ordinal);

    [GeneratedRegex(@"[\p{L}\p{N}']+")]
    private static partial Regex Word();
}
