namespace BenchmarkAgent.Testing.Evaluation;

/// <summary>
/// The result of one evaluation, shaped like Microsoft.Extensions.AI.Evaluation's <c>EvaluationMetric</c> (here
/// immutable: build a changed copy with <c>with</c>).
/// </summary>
/// <param name="Name">The metric's name, e.g. <c>Relevance</c>.</param>
/// <param name="Reason">Why the evaluator gave this value (for LLM judges: the judge's reason, untrusted text).</param>
public abstract record EvaluationMetric(string Name, string? Reason = null)
{
    /// <summary>How the value is interpreted, when it has been.</summary>
    public EvaluationMetricInterpretation? Interpretation { get; init; }

    /// <summary>Messages about how the metric was computed.</summary>
    public IReadOnlyList<EvaluationDiagnostic> Diagnostics { get; init; } = [];

    /// <summary>
    /// Facts about the evaluation, by name; LLM judges record the keys of Microsoft.Extensions.AI.Evaluation
    /// (<see cref="JudgeMetadata"/>): the judge model and the tokens its call used.
    /// </summary>
    public IReadOnlyDictionary<string, string> Metadata { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);
}
