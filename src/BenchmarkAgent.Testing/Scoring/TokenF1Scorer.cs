using System.Globalization;
using BenchmarkAgent.Execution;
using BenchmarkAgent.Items;

namespace BenchmarkAgent.Testing.Scoring;

/// <summary>
/// Scores <see cref="AnswerType.FreeText"/> items by token F1 (SQuAD style): both texts are normalised as short
/// answers are (case, punctuation and the articles a/an/the ignored), split on whitespace, and compared as bags of
/// tokens. Precision is the shared tokens over the response's, recall the shared tokens over the reference's, F1 their
/// harmonic mean. The text after the last answer marker and the whole response are tried; the better F1 counts. The
/// score is the F1; the item passes at <see cref="PassThreshold"/> or more.
/// </summary>
internal sealed class TokenF1Scorer : IScorer
{
    /// <summary>The F1 at or above which a free-form response passes.</summary>
    public const double PassThreshold = 0.5;

    /// <inheritdoc />
    public ItemScore Score(BenchmarkItem item, string response)
    {
        ArgumentNullException.ThrowIfNull(item);
        response ??= string.Empty;
        string expected = item.Answer.Value;
        string text = AnswerText.StripMarkdown(response);
        var candidates = new List<string>(2);
        if (AnswerText.AfterLastMarker(text) is { Length: > 0 } afterMarker)
        {
            candidates.Add(afterMarker);
        }

        candidates.Add(text);
        string best = candidates[0];
        double bestF1 = -1;
        foreach (string candidate in candidates)
        {
            double f1 = F1(candidate, expected);
            if (f1 > bestF1)
            {
                (best, bestF1) = (candidate, f1);
            }
        }

        string f1Text = bestF1.ToString("0.###", CultureInfo.InvariantCulture);
        string threshold = PassThreshold.ToString("0.###", CultureInfo.InvariantCulture);
        return bestF1 >= PassThreshold
            ? new ItemScore(bestF1, true, best, expected, $"Token F1 {f1Text} against the reference reaches the pass threshold {threshold}.")
            : new ItemScore(bestF1, false, best, expected, $"Token F1 {f1Text} against the reference is below the pass threshold {threshold}.");
    }

    /// <summary>Computes the token F1 of a prediction against a reference (0 when either has no tokens, unless both have none).</summary>
    /// <param name="prediction">The response text.</param>
    /// <param name="reference">The reference text.</param>
    /// <returns>The F1 from 0 to 1.</returns>
    public static double F1(string prediction, string reference)
    {
        ArgumentNullException.ThrowIfNull(prediction);
        ArgumentNullException.ThrowIfNull(reference);
        string[] predicted = Tokens(prediction);
        string[] expected = Tokens(reference);
        if (predicted.Length == 0 || expected.Length == 0)
        {
            return predicted.Length == expected.Length ? 1 : 0;
        }

        var remaining = expected.GroupBy(t => t, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        int common = 0;
        foreach (string token in predicted)
        {
            if (remaining.TryGetValue(token, out int count) && count > 0)
            {
                remaining[token] = count - 1;
                common++;
            }
        }

        if (common == 0)
        {
            return 0;
        }

        double precision = (double)common / predicted.Length;
        double recall = (double)common / expected.Length;
        return 2 * precision * recall / (precision + recall);
    }

    private static string[] Tokens(string text) =>
        AnswerText.Normalize(text, stripMarker: true).Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
