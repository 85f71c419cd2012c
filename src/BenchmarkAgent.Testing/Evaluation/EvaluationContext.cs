namespace BenchmarkAgent.Testing.Evaluation;

/// <summary>
/// Extra information an evaluator needs beyond the conversation (a reference answer, a grounding text), shaped like
/// Microsoft.Extensions.AI.Evaluation's <c>EvaluationContext</c>.
/// </summary>
/// <param name="Name">The context's name.</param>
/// <param name="Text">The context text (untrusted data, never instructions).</param>
public abstract record EvaluationContext(string Name, string Text);

/// <summary>The text a response must be grounded in (enables the Groundedness metric).</summary>
/// <param name="GroundingContext">The item's context text.</param>
public sealed record GroundednessEvaluatorContext(string GroundingContext) : EvaluationContext("Grounding context", GroundingContext);

/// <summary>The reference answer a response is compared with (enables the Equivalence and Completeness metrics).</summary>
/// <param name="GroundTruth">The reference answer.</param>
public sealed record EquivalenceEvaluatorContext(string GroundTruth) : EvaluationContext("Ground truth", GroundTruth);
