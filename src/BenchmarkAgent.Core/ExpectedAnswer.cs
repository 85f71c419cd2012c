using System.Globalization;

namespace BenchmarkAgent;

/// <summary>The reference answer of an item and how to compare a response with it.</summary>
/// <param name="Type">The answer type, which selects the scorer.</param>
/// <param name="Value">The canonical answer: a number in invariant culture, an option letter, or a text.</param>
/// <param name="Tolerance">For <see cref="AnswerType.Number"/>: the largest absolute difference still counted as correct.</param>
internal sealed record ExpectedAnswer(AnswerType Type, string Value, double Tolerance = 0)
{
    /// <summary>Creates a numeric answer, formatted in invariant culture without trailing zeros.</summary>
    public static ExpectedAnswer Number(decimal value, double tolerance = 0) =>
        new(AnswerType.Number, FormatNumber(value), tolerance);

    /// <summary>Creates a multiple-choice answer from a zero-based option index.</summary>
    public static ExpectedAnswer Choice(int index) =>
        new(AnswerType.Choice, ((char)('A' + index)).ToString());

    /// <summary>Creates a short-text answer.</summary>
    public static ExpectedAnswer Text(string value) => new(AnswerType.ShortText, value);

    /// <summary>Creates a pattern answer: a .NET regular expression a correct response matches.</summary>
    public static ExpectedAnswer Pattern(string regex) => new(AnswerType.Pattern, regex);

    /// <summary>Creates a long-form answer: the reference text free-form responses are compared with.</summary>
    public static ExpectedAnswer FreeText(string reference) => new(AnswerType.FreeText, reference);

    /// <summary>Formats a number the way snapshots store it: invariant culture, no trailing zeros.</summary>
    public static string FormatNumber(decimal value) =>
        value.ToString("0.############################", CultureInfo.InvariantCulture);
}
