using BenchmarkAgent.Execution;
using BenchmarkAgent.Items;

namespace BenchmarkAgent.Testing.Scoring;

/// <summary>
/// Scores short-text answers by normalised exact match: case, surrounding whitespace, punctuation, the articles
/// a/an/the and a leading "Answer:" are ignored. The text after the last answer marker, the whole response and its
/// last line are tried in that order; any match scores 1.
/// </summary>
internal sealed class TextScorer : IScorer
{
    /// <inheritdoc />
    public ItemScore Score(BenchmarkItem item, string response)
    {
        ArgumentNullException.ThrowIfNull(item);
        response ??= string.Empty;
        string expected = item.Answer.Value;
        string normalizedExpected = AnswerText.Normalize(expected, stripMarker: false);
        if (normalizedExpected.Length == 0)
        {
            normalizedExpected = expected.Trim().ToLowerInvariant();
        }

        var candidates = Candidates(response);
        foreach (string candidate in candidates)
        {
            if (AnswerText.Normalize(candidate, stripMarker: true) == normalizedExpected)
            {
                return ItemScore.Correct(candidate, expected, $"'{AnswerText.Excerpt(candidate)}' matches '{expected}' after normalisation.");
            }
        }

        string extracted = candidates.Count > 0 ? candidates[0] : string.Empty;
        return extracted.Length == 0
            ? ItemScore.Wrong(string.Empty, expected, "The response is empty.")
            : ItemScore.Wrong(extracted, expected,
                $"'{AnswerText.Excerpt(extracted)}' normalises to '{AnswerText.Excerpt(AnswerText.Normalize(extracted, stripMarker: true))}', not '{normalizedExpected}'.");
    }

    private static List<string> Candidates(string response)
    {
        var candidates = new List<string>(3);
        void Add(string? candidate)
        {
            if (!string.IsNullOrWhiteSpace(candidate) && !candidates.Contains(candidate))
            {
                candidates.Add(candidate);
            }
        }

        string text = response.Trim();
        Add(AnswerText.AfterLastMarker(AnswerText.StripMarkdown(text)));
        Add(text);
        Add(AnswerText.LastLine(text));
        return candidates;
    }
}
