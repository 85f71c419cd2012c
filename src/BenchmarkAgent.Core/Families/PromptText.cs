using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace BenchmarkAgent.Families;

/// <summary>Formatting and parsing helpers shared by the families' generators and checkers.</summary>
internal static partial class PromptText
{
    /// <summary>Formats a number in invariant culture without trailing zeros.</summary>
    public static string Num(decimal value) => ExpectedAnswer.FormatNumber(value);

    /// <summary>Formats an integer in invariant culture.</summary>
    public static string Num(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Parses a number written by <see cref="Num(decimal)"/>.</summary>
    public static decimal ParseNum(string text) => decimal.Parse(text, NumberStyles.Number, CultureInfo.InvariantCulture);

    /// <summary>Parses an integer written by <see cref="Num(int)"/>.</summary>
    public static int ParseInt(string text) => int.Parse(text, NumberStyles.Integer, CultureInfo.InvariantCulture);

    /// <summary>Joins items as natural English: "a", "a and b", "a, b and c".</summary>
    public static string JoinAnd(IReadOnlyList<string> items) => items.Count switch
    {
        0 => string.Empty,
        1 => items[0],
        _ => string.Join(", ", items.Take(items.Count - 1)) + " and " + items[^1],
    };

    /// <summary>Appends options as lines "A) text", one per option.</summary>
    public static void AppendChoices(StringBuilder builder, IReadOnlyList<string> options)
    {
        for (int i = 0; i < options.Count; i++)
        {
            builder.Append((char)('A' + i)).Append(") ").Append(options[i]).Append('\n');
        }
    }

    /// <summary>
    /// Builds a choice sample: shuffles <paramref name="correct"/> in among the distinct
    /// <paramref name="distractors"/>, and renders the question, the option lines and the instruction.
    /// </summary>
    public static FamilySample ChoiceSample(DeterministicRandom rng, string question, string correct, IReadOnlyList<string> distractors)
    {
        var options = rng.Shuffle(distractors.Prepend(correct));
        var builder = new StringBuilder(question.Length + 200);
        builder.Append(question).Append("\n\n");
        AppendChoices(builder, options);
        builder.Append("\nAnswer with the letter of the correct option.");
        return new FamilySample(builder.ToString(), ExpectedAnswer.Choice(options.IndexOf(correct)), options);
    }

    /// <summary>
    /// Checks a choice sample against the option text an independent checker derived: the option lines
    /// in the prompt must match the stored choices, be distinct, and the stored letter must point at
    /// the one option equal to <paramref name="derivedCorrect"/>.
    /// </summary>
    public static CheckResult CheckChoice(FamilySample sample, string derivedCorrect)
    {
        var lines = OptionLine().Matches(sample.Prompt).Select(m => m.Groups[2].Value).ToList();
        if (lines.Count < 2 || !lines.SequenceEqual(sample.Choices))
        {
            return CheckResult.Fail("option lines in the prompt do not match the stored choices");
        }

        if (lines.Distinct(StringComparer.Ordinal).Count() != lines.Count)
        {
            return CheckResult.Fail("options are not distinct");
        }

        int index = lines.IndexOf(derivedCorrect);
        if (index < 0)
        {
            return CheckResult.Fail($"derived answer '{derivedCorrect}' is not among the options");
        }

        string letter = ((char)('A' + index)).ToString();
        return letter == sample.Answer.Value
            ? CheckResult.Pass($"derived option {letter}: {derivedCorrect}")
            : CheckResult.Fail($"derived option {letter}, stored {sample.Answer.Value}");
    }

    /// <summary>Compares a re-derived number with the stored numeric answer.</summary>
    public static CheckResult CheckNumber(FamilySample sample, decimal derived)
    {
        string text = Num(derived);
        return text == sample.Answer.Value
            ? CheckResult.Pass($"re-derived {text}")
            : CheckResult.Fail($"re-derived {text}, stored {sample.Answer.Value}");
    }

    /// <summary>Compares a re-derived text with the stored text answer (exact, ordinal).</summary>
    public static CheckResult CheckText(FamilySample sample, string derived) =>
        derived == sample.Answer.Value
            ? CheckResult.Pass($"re-derived '{derived}'")
            : CheckResult.Fail($"re-derived '{derived}', stored '{sample.Answer.Value}'");

    [GeneratedRegex(@"^([A-Z])\) (.+)$", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex OptionLine();
}
