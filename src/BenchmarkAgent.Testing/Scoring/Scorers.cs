namespace BenchmarkAgent.Testing.Scoring;

/// <summary>The default scorer for each answer type.</summary>
internal static class Scorers
{
    /// <summary>The numeric scorer (stateless, shared).</summary>
    public static NumericScorer Numeric { get; } = new();

    /// <summary>The multiple-choice scorer (stateless, shared).</summary>
    public static ChoiceScorer Choice { get; } = new();

    /// <summary>The short-text scorer (stateless, shared).</summary>
    public static TextScorer Text { get; } = new();

    /// <summary>The constraint scorer (stateless, shared).</summary>
    public static ConstraintScorer Constraint { get; } = new();

    /// <summary>The regular-expression scorer (stateless, shared).</summary>
    public static RegexScorer Regex { get; } = new();

    /// <summary>The token-F1 scorer for free-form answers (stateless, shared).</summary>
    public static TokenF1Scorer TokenF1 { get; } = new();

    /// <summary>Returns the default scorer for an answer type.</summary>
    /// <param name="type">The answer type.</param>
    /// <returns><see cref="NumericScorer"/>, <see cref="ChoiceScorer"/>, <see cref="TextScorer"/>, <see cref="ConstraintScorer"/>, <see cref="RegexScorer"/> or <see cref="TokenF1Scorer"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The type is not a defined <see cref="AnswerType"/>.</exception>
    public static IScorer For(AnswerType type) => type switch
    {
        AnswerType.Number => Numeric,
        AnswerType.Choice => Choice,
        AnswerType.ShortText => Text,
        AnswerType.Constraint => Constraint,
        AnswerType.Pattern => Regex,
        AnswerType.FreeText => TokenF1,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown answer type."),
    };
}
