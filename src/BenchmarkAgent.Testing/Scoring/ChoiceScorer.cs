using System.Text.RegularExpressions;
using BenchmarkAgent.Execution;
using BenchmarkAgent.Items;

namespace BenchmarkAgent.Testing.Scoring;

/// <summary>
/// Scores multiple-choice answers. Understands "B", "b", "(B)", "B)", "B.", "**B**", "Answer: B",
/// "The answer is B.", "option B", "B) the option text", and the option text itself when it matches exactly one
/// choice after normalisation. The last line of a longer response is tried on its own, and a single distinct
/// "(B)" anywhere is the last resort. A lowercase letter only counts where it cannot be an English article.
/// </summary>
internal sealed partial class ChoiceScorer : IScorer
{
    /// <inheritdoc />
    public ItemScore Score(BenchmarkItem item, string response)
    {
        ArgumentNullException.ThrowIfNull(item);
        string expected = item.Answer.Value.Trim().ToUpperInvariant();
        string? letter = Extract(response ?? string.Empty, item.Choices);
        if (letter is null)
        {
            return ItemScore.Wrong(string.Empty, expected, $"No option letter or option text found in the response '{AnswerText.Excerpt(response ?? string.Empty)}'.");
        }

        return letter == expected
            ? ItemScore.Correct(letter, expected, $"Chose {letter}, the correct option.")
            : ItemScore.Wrong(letter, expected, $"Chose {letter}; the correct option is {expected}.");
    }

    /// <summary>Extracts the chosen option letter (upper case) from a response, or <see langword="null"/>.</summary>
    /// <param name="response">The response text.</param>
    /// <param name="choices">The item's options; with none, any letter A-Z is accepted.</param>
    /// <returns>The letter, e.g. <c>B</c>.</returns>
    public static string? Extract(string response, IReadOnlyList<string> choices)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(choices);
        char last = choices.Count is > 0 and <= 26 ? (char)('A' + choices.Count - 1) : 'Z';
        string text = AnswerText.StripMarkdown(response);

        // 1. An explicit marker: "Answer: B", "The answer is (b).", "I pick option C".
        var markers = MarkerLetterPattern().Matches(text);
        for (int i = markers.Count - 1; i >= 0; i--)
        {
            if (Accept(markers[i].Groups["l"].Value[0], markers[i].Groups["after"].Value, last) is { } marked)
            {
                return marked;
            }
        }

        // 2. Marker followed by option text: "Answer: Paris".
        if (AnswerText.AfterLastMarker(text) is { Length: > 0 } afterMarker && MatchChoiceText(afterMarker, choices) is { } byMarkerText)
        {
            return byMarkerText;
        }

        // 2b. Exactly one distinct in-range capital letter standing alone after the marker: "Answer: I think it's B".
        if (AnswerText.AfterLastMarker(text) is { Length: > 0 } rest)
        {
            var standalone = StandaloneCapitalPattern().Matches(rest)
                .Select(m => m.Value[0])
                .Where(c => c <= last && c != 'I')
                .Distinct()
                .ToList();
            if (standalone.Count == 1)
            {
                return standalone[0].ToString();
            }
        }

        // 3. The whole response, then its last line.
        if (FromLine(text, choices, last) is { } whole)
        {
            return whole;
        }

        string lastLine = AnswerText.LastLine(text);
        if (lastLine != text && FromLine(lastLine, choices, last) is { } fromLastLine)
        {
            return fromLastLine;
        }

        // 4. Exactly one distinct "(B)" anywhere.
        var parenthesised = ParenthesisedPattern().Matches(text)
            .Select(m => m.Groups["l"].Value[0])
            .Where(c => c <= last)
            .Distinct()
            .ToList();
        return parenthesised.Count == 1 ? parenthesised[0].ToString() : null;
    }

    private static string? FromLine(string line, IReadOnlyList<string> choices, char last)
    {
        var alone = LoneLetterPattern().Match(line);
        if (alone.Success)
        {
            char c = char.ToUpperInvariant(alone.Groups["l"].Value[0]);
            return c <= last ? c.ToString() : null;
        }

        var leading = LeadingLetterPattern().Match(line);
        if (leading.Success && (char.IsUpper(leading.Groups["l"].Value[0]) || leading.Groups["close"].Value is ")" or "]"))
        {
            char c = char.ToUpperInvariant(leading.Groups["l"].Value[0]);
            if (c <= last)
            {
                return c.ToString();
            }
        }

        return MatchChoiceText(line, choices);
    }

    private static string? Accept(char letter, string after, char last)
    {
        bool delimited = after.Length == 0 || after[0] is ')' or ']' or '.' or ':' or ',' or ';' or '!' || after.Trim().Length == 0;
        if (char.IsUpper(letter))
        {
            // An in-range capital counts ("The answer is B because ..."). An out-of-range one counts only when delimited
            // ("Answer: E." is a wrong answer, not no answer), so "Answer: I think ..." is not read as option I.
            return letter <= last || delimited ? letter.ToString() : null;
        }

        // Lower case: only when it cannot be the article "a" or a word, i.e. followed by ) ] . : , or the end.
        char upper = char.ToUpperInvariant(letter);
        return delimited && upper <= last ? upper.ToString() : null;
    }

    private static string? MatchChoiceText(string candidate, IReadOnlyList<string> choices)
    {
        string normalized = AnswerText.Normalize(candidate, stripMarker: true);
        if (normalized.Length == 0)
        {
            return null;
        }

        int found = -1;
        for (int i = 0; i < choices.Count && i < 26; i++)
        {
            if (AnswerText.Normalize(choices[i], stripMarker: false) == normalized)
            {
                if (found >= 0)
                {
                    return null;
                }

                found = i;
            }
        }

        return found >= 0 ? ((char)('A' + found)).ToString() : null;
    }

    [GeneratedRegex(@"(?:final\s+answer|answer|option|choice)\s*(?:is\b)?\s*(?:[:=\-]\s*)?(?:option\s+|choice\s+)?[\(\[]?(?<l>[A-Za-z])(?![A-Za-z])(?<after>.{0,2})", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MarkerLetterPattern();

    [GeneratedRegex(@"^\s*[\(\[]?(?<l>[A-Za-z])[\)\]\.:]?\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex LoneLetterPattern();

    [GeneratedRegex(@"^\s*[\(\[]?(?<l>[A-Za-z])(?<close>[\)\]\.:])(?:\s|$)", RegexOptions.CultureInvariant)]
    private static partial Regex LeadingLetterPattern();

    [GeneratedRegex(@"(?<![\w'])[A-Z](?![\w'])", RegexOptions.CultureInvariant)]
    private static partial Regex StandaloneCapitalPattern();

    [GeneratedRegex(@"[\(\[](?<l>[A-Z])[\)\]]", RegexOptions.CultureInvariant)]
    private static partial Regex ParenthesisedPattern();
}
