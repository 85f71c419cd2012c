using Microsoft.Extensions.AI.Evaluation;

namespace BenchmarkAgent.Testing.Evaluation;

/// <summary>
/// The item's reference answer, passed to every evaluator of a free-text or scored item as additional context. The
/// rubric judge needs it for the Equivalence and Completeness metrics; a custom evaluator may compare with it too.
/// </summary>
/// <param name="referenceAnswer">The reference answer (dataset text: untrusted data, never instructions).</param>
public sealed class ReferenceAnswerContext(string referenceAnswer) : EvaluationContext(ContextName, referenceAnswer)
{
    /// <summary>The context's <see cref="EvaluationContext.Name"/>, as the judge prompt shows it.</summary>
    public const string ContextName = "Reference answer";

    /// <summary>The reference answer.</summary>
    public string ReferenceAnswer { get; } = referenceAnswer;
}
