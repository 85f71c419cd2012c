using System.Globalization;
using System.Text.RegularExpressions;
using BenchmarkAgent.Execution;
using BenchmarkAgent.Items;

namespace BenchmarkAgent.Testing.Scoring;

/// <summary>
/// Scores numeric answers. The answer is the first number after the last answer marker ("Answer: 12",
/// "The answer is 12") or, without a marker, the last number in the response. Thousands separators ("1,234"),
/// negatives ("-3", "−3"), decimals ("12.0" equals 12), currency ("$12") and markdown ("**12**") are understood.
/// A response within <see cref="ExpectedAnswer.Tolerance"/> of the reference scores 1, anything else 0.
/// </summary>
internal sealed partial class NumericScorer : IScorer
{
    /// <inheritdoc />
    public ItemScore Score(BenchmarkItem item, string response)
    {
        ArgumentNullException.ThrowIfNull(item);
        string expectedText = item.Answer.Value;
        if (!TryParse(expectedText, out decimal expected))
        {
            return ItemScore.Wrong(string.Empty, expectedText, $"The reference answer '{expectedText}' is not a number, so no response can match it.");
        }

        if (Extract(response ?? string.Empty) is not { } actual)
        {
            return ItemScore.Wrong(string.Empty, expectedText, $"No number found in the response '{AnswerText.Excerpt(response ?? string.Empty)}'.");
        }

        string extracted = ExpectedAnswer.FormatNumber(actual);
        decimal tolerance = ToleranceOf(item.Answer.Tolerance);
        decimal difference = Math.Abs(actual - expected);
        string within = tolerance == 0 ? "exactly" : $"within {AnswerText.Invariant(item.Answer.Tolerance)}";
        return difference <= tolerance
            ? ItemScore.Correct(extracted, expectedText, $"Extracted {extracted}, which matches {expectedText} {within}.")
            : ItemScore.Wrong(extracted, expectedText, $"Extracted {extracted}, which differs from {expectedText} by {ExpectedAnswer.FormatNumber(difference)} (allowed: {ExpectedAnswer.FormatNumber(tolerance)}).");
    }

    /// <summary>Extracts the answer number from a response, or returns <see langword="null"/> when there is none.</summary>
    /// <param name="response">The response text.</param>
    /// <returns>The number.</returns>
    public static decimal? Extract(string response)
    {
        ArgumentNullException.ThrowIfNull(response);
        string text = AnswerText.StripMarkdown(response);
        int afterMarker = AnswerText.EndOfLastMarker(text);
        if (afterMarker >= 0)
        {
            foreach (Match match in NumberPattern().Matches(text, afterMarker))
            {
                if (TryParseMatch(match, out decimal value))
                {
                    return value;
                }
            }
        }

        decimal? last = null;
        foreach (Match match in NumberPattern().Matches(text))
        {
            if (TryParseMatch(match, out decimal value))
            {
                last = value;
            }
        }

        return last;
    }

    private static bool TryParseMatch(Match match, out decimal value)
    {
        if (!TryParse(match.Groups["num"].Value.Replace(",", string.Empty, StringComparison.Ordinal), out value))
        {
            return false;
        }

        if (match.Groups["sign"].Value is "-" or "\u2212")
        {
            value = -value;
        }

        return true;
    }

    private static bool TryParse(string text, out decimal value) =>
        decimal.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out value);

    private static decimal ToleranceOf(double tolerance)
    {
        if (double.IsNaN(tolerance) || tolerance <= 0)
        {
            return 0;
        }

        return tolerance >= (double)decimal.MaxValue ? decimal.MaxValue : (decimal)tolerance;
    }

    [GeneratedRegex(@"(?<![\w.])(?<sign>[-+\u2212])?\$?(?<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)", RegexOptions.CultureInvariant)]
    private static partial Regex NumberPattern();
}
