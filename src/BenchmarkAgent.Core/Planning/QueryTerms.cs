using System.Text.RegularExpressions;

namespace BenchmarkAgent.Planning;

/// <summary>Turns free text into comparable terms: lowercase word stems without stop words.</summary>
internal static partial class QueryTerms
{
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "and", "or", "of", "to", "in", "on", "for", "with", "by", "at", "from", "that", "this",
        "is", "are", "be", "as", "it", "its", "about", "into", "over", "under", "their", "them", "they", "which",
        "evaluate", "evaluating", "test", "testing", "tests", "benchmark", "benchmarks", "model", "models", "llm",
        "ability", "abilities", "how", "well", "can", "should", "questions", "question", "problems", "problem", "tasks", "task",
    };

    /// <summary>Returns the stems of the words of <paramref name="text"/>, without stop words, in order.</summary>
    public static IReadOnlyList<string> Stems(string text)
    {
        var stems = new List<string>();
        foreach (Match match in Word().Matches(text.ToLowerInvariant()))
        {
            string word = match.Value;
            if (!StopWords.Contains(word))
            {
                stems.Add(Stem(word));
            }
        }

        return stems;
    }

    /// <summary>Returns the lowercase words of <paramref name="text"/>, without stop words, in order, unstemmed.</summary>
    public static IReadOnlyList<string> Words(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = new List<string>();
        foreach (Match match in Word().Matches(text.ToLowerInvariant()))
        {
            if (!StopWords.Contains(match.Value))
            {
                words.Add(match.Value);
            }
        }

        return words;
    }

    /// <summary>A deliberately small stemmer: enough to match "puzzles" with "puzzle" and "dates" with "date".</summary>
    public static string Stem(string word)
    {
        if (word.Length > 4 && word.EndsWith("ies", StringComparison.Ordinal))
        {
            return word[..^3] + "y";
        }

        if (word.Length > 5 && word.EndsWith("ing", StringComparison.Ordinal))
        {
            return word[..^3];
        }

        if (word.Length > 3 && word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal))
        {
            return word[..^1];
        }

        return word;
    }

    [GeneratedRegex(@"[a-z0-9]+(?:-[a-z0-9]+)*")]
    private static partial Regex Word();
}
