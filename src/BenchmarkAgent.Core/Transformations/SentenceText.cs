using System.Text.RegularExpressions;

namespace BenchmarkAgent.Transformations;

/// <summary>Sentence splitting for the text transformations.</summary>
internal static partial class SentenceText
{
    /// <summary>Splits text into sentences at ". ", "! " or "? " followed by a capital or a quote.</summary>
    public static List<string> Split(string text) =>
        Boundary().Split(text.Trim()).Select(s => s.Trim()).Where(s => s.Length > 0).ToList();

    [GeneratedRegex(@"(?<=[.!?])\s+(?=[A-Z""'])", RegexOptions.CultureInvariant)]
    private static partial Regex Boundary();
}
