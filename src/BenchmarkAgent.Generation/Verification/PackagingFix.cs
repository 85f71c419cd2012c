namespace BenchmarkAgent.Generation.Verification;

/// <summary>The packaging fixes the repair planner may choose: each changes how an item is written down, never what it asks.</summary>
internal static class PackagingFix
{
    /// <summary>Trim whitespace around every part.</summary>
    public const string TrimWhitespace = "trim-whitespace";

    /// <summary>Remove "Answer:", "The answer is", quotes and a final period from the answer.</summary>
    public const string StripAnswerPrefix = "strip-answer-prefix";

    /// <summary>Turn "(b)", "b)", "option B" or an option's text into the option letter.</summary>
    public const string ChoiceLetter = "choice-letter";

    /// <summary>Remove thousands separators, currency signs and a trailing unit from a numeric answer.</summary>
    public const string NumberFormat = "number-format";

    /// <summary>Drop a context that repeats the question (only where the sample schema does not need a context).</summary>
    public const string DropRedundantContext = "drop-redundant-context";

    /// <summary>Every fix, in the order the fixer applies them.</summary>
    public static IReadOnlyList<string> All { get; } = [TrimWhitespace, StripAnswerPrefix, ChoiceLetter, NumberFormat, DropRedundantContext];
}
