namespace BenchmarkAgent.Testing.Evaluation;

/// <summary>One 1-5 rubric metric the judge scores: its name, the JSON key the judge answers under, and what it measures.</summary>
/// <param name="Name">The metric name, as in Microsoft.Extensions.AI.Evaluation.Quality (e.g. <c>Relevance</c>).</param>
/// <param name="Key">The lowercase key in the judge's JSON reply.</param>
/// <param name="Definition">What a 5 means and what a 1 means, for the judge prompt.</param>
/// <param name="Needs">Which context the metric needs, or <see langword="null"/> when the conversation suffices.</param>
internal sealed record RubricMetric(string Name, string Key, string Definition, Type? Needs = null)
{
    /// <summary>Does the response address the question? Needs nothing beyond the conversation.</summary>
    public static RubricMetric Relevance { get; } = new("Relevance", "relevance",
        "How well the response addresses the user's question: 5 = fully on point, 1 = unrelated.");

    /// <summary>Is the response logically ordered and consistent?</summary>
    public static RubricMetric Coherence { get; } = new("Coherence", "coherence",
        "How logically organised and internally consistent the response is: 5 = clear and consistent, 1 = incoherent.");

    /// <summary>Is the language grammatical and natural?</summary>
    public static RubricMetric Fluency { get; } = new("Fluency", "fluency",
        "How grammatical, natural and readable the language is: 5 = flawless, 1 = unreadable.");

    /// <summary>Are the response's claims supported by the item's context? Only scored with a <see cref="GroundingPassageContext"/>.</summary>
    public static RubricMetric Groundedness { get; } = new("Groundedness", "groundedness",
        "How well every claim in the response is supported by the grounding context: 5 = fully supported, 1 = contradicts or ignores it.",
        typeof(GroundingPassageContext));

    /// <summary>Does the response mean the same as the reference? Only scored with an <see cref="ReferenceAnswerContext"/>.</summary>
    public static RubricMetric Equivalence { get; } = new("Equivalence", "equivalence",
        "How closely the response's meaning matches the reference answer: 5 = same meaning, 1 = different or contradictory.",
        typeof(ReferenceAnswerContext));

    /// <summary>Does the response cover every point of the reference? Only scored with an <see cref="ReferenceAnswerContext"/>.</summary>
    public static RubricMetric Completeness { get; } = new("Completeness", "completeness",
        "How many of the reference answer's points the response covers: 5 = all of them, 1 = none.",
        typeof(ReferenceAnswerContext));

    /// <summary>All six metrics, in report order.</summary>
    public static IReadOnlyList<RubricMetric> All { get; } = [Relevance, Coherence, Fluency, Groundedness, Equivalence, Completeness];
}
