using System.Text.RegularExpressions;
using BenchmarkAgent.Execution;
using BenchmarkAgent.Items;

namespace BenchmarkAgent.Testing.Scoring;

/// <summary>
/// Scores <see cref="AnswerType.Pattern"/> items: the item's answer value is a .NET regular expression, taken from the
/// snapshot (never from the model's text), matched culture-invariantly with a <see cref="MatchTimeout"/>. The text after
/// the last answer marker is tried first, then the whole response (markdown emphasis removed); any match scores 1.
/// A pattern that does not parse or a match that times out scores 0 and says so.
/// </summary>
internal sealed class RegexScorer : IScorer
{
    /// <summary>The longest a single match may run before it counts as no match (guards against catastrophic backtracking).</summary>
    public static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(1);

    /// <inheritdoc />
    public ItemScore Score(BenchmarkItem item, string response)
    {
        ArgumentNullException.ThrowIfNull(item);
        response ??= string.Empty;
        string pattern = item.Answer.Value;
        Regex regex;
        try
        {
            regex = new Regex(pattern, RegexOptions.CultureInvariant, MatchTimeout);
        }
        catch (ArgumentException ex)
        {
            return ItemScore.Wrong(string.Empty, pattern, $"The item's pattern is not a valid .NET regular expression ({ex.Message}); fix the snapshot item.");
        }

        string text = AnswerText.StripMarkdown(response);
        var candidates = new List<string>(2);
        if (AnswerText.AfterLastMarker(text) is { Length: > 0 } afterMarker)
        {
            candidates.Add(afterMarker);
        }

        candidates.Add(text);
        try
        {
            foreach (string candidate in candidates)
            {
                var match = regex.Match(candidate);
                if (match.Success)
                {
                    return ItemScore.Correct(match.Value, pattern, $"'{AnswerText.Excerpt(match.Value)}' matches the pattern /{pattern}/.");
                }
            }
        }
        catch (RegexMatchTimeoutException)
        {
            return ItemScore.Wrong(string.Empty, pattern, $"Matching the pattern /{pattern}/ took longer than {MatchTimeout.TotalSeconds:0.#} s and counts as no match; simplify the pattern.");
        }

        return text.Length == 0
            ? ItemScore.Wrong(string.Empty, pattern, "The response is empty.")
            : ItemScore.Wrong(candidates[0], pattern, $"'{AnswerText.Excerpt(candidates[0])}' does not match the pattern /{pattern}/.");
    }
}
