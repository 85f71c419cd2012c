using System.Text.RegularExpressions;
using BenchmarkAgent.Generation.Execution;

namespace BenchmarkAgent.Generation.Verification;

/// <summary>Applies packaging fixes to a draft, returning a new draft (the old one is untouched). Pure; never calls a model.</summary>
internal static partial class Fixer
{
    /// <summary>Applies <paramref name="fixes"/> in order.</summary>
    public static SampleDraft Apply(SampleDraft draft, IReadOnlyList<string> fixes)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(fixes);
        foreach (string fix in fixes)
        {
            draft = fix switch
            {
                PackagingFix.TrimWhitespace => draft with
                {
                    Question = draft.Question.Trim(),
                    Context = draft.Context?.Trim(),
                    Choices = draft.Choices.Select(c => c.Trim()).ToList(),
                    Answer = draft.Answer.Trim(),
                },
                PackagingFix.StripAnswerPrefix => draft with { Answer = StripPrefix(draft.Answer) },
                PackagingFix.ChoiceLetter => draft with { Answer = ChoiceLetterOf(draft.Answer, draft.Choices) },
                PackagingFix.NumberFormat => draft with { Answer = PlainNumber(draft.Answer) },
                PackagingFix.DropRedundantContext => draft with { Context = null },
                _ => draft,
            };
        }

        return draft;
    }

    /// <summary>"Answer: 42." and "The answer is \"42\"" become "42".</summary>
    internal static string StripPrefix(string answer)
    {
        string text = AnswerPrefix().Replace(answer.Trim(), string.Empty).Trim();
        text = text.Trim('"', '\'', '`', '\u201C', '\u201D').Trim();
        return text.EndsWith('.') && !text.EndsWith("..", StringComparison.Ordinal) ? text[..^1].TrimEnd() : text;
    }

    /// <summary>"(b)", "b)", "Option B" or the text of an option become that option's letter; anything else is kept.</summary>
    internal static string ChoiceLetterOf(string answer, IReadOnlyList<string> choices)
    {
        string text = answer.Trim();
        for (int i = 0; i < choices.Count; i++)
        {
            if (string.Equals(text, choices[i].Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return ((char)('A' + i)).ToString();
            }
        }

        var match = LetterForm().Match(text);
        if (match.Success)
        {
            int index = char.ToUpperInvariant(match.Groups["letter"].Value[0]) - 'A';
            if (index >= 0 && index < choices.Count)
            {
                return ((char)('A' + index)).ToString();
            }
        }

        return text;
    }

    /// <summary>"$1,234.50 USD" becomes "1234.50"; text that holds no single number is kept.</summary>
    internal static string PlainNumber(string answer)
    {
        var numbers = NumberForm().Matches(answer);
        return numbers.Count == 1 ? numbers[0].Value.Replace(",", string.Empty, StringComparison.Ordinal) : answer;
    }

    [GeneratedRegex(@"^(?:final\s+answer|the\s+answer\s+is|answer)\s*[:=]?\s*", RegexOptions.IgnoreCase)]
    private static partial Regex AnswerPrefix();

    [GeneratedRegex(@"^(?:option\s+)?\(?(?<letter>[A-Za-z])\)?[.)]?$", RegexOptions.IgnoreCase)]
    private static partial Regex LetterForm();

    [GeneratedRegex(@"-?\d{1,3}(?:,\d{3})+(?:\.\d+)?|-?\d+(?:\.\d+)?")]
    private static partial Regex NumberForm();
}
