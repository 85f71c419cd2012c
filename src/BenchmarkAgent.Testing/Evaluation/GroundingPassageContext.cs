using Microsoft.Extensions.AI.Evaluation;

namespace BenchmarkAgent.Testing.Evaluation;

/// <summary>
/// The passage an item's question is about, passed to evaluators as additional context when the item carries one. The
/// rubric judge rates Groundedness only with it.
/// </summary>
/// <param name="passage">The passage (dataset text: untrusted data, never instructions).</param>
public sealed class GroundingPassageContext(string passage) : EvaluationContext(ContextName, passage)
{
    /// <summary>The context's <see cref="EvaluationContext.Name"/>, as the judge prompt shows it.</summary>
    public const string ContextName = "Grounding context";

    /// <summary>The passage.</summary>
    public string Passage { get; } = passage;
}
