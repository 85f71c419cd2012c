using Microsoft.Extensions.AI;

namespace BenchmarkAgent.Testing.Evaluation;

/// <summary>Evaluates a model's response, shaped like Microsoft.Extensions.AI.Evaluation's <c>IEvaluator</c>.</summary>
public interface IEvaluator
{
    /// <summary>The names of the metrics this evaluator can produce.</summary>
    IReadOnlyCollection<string> EvaluationMetricNames { get; }

    /// <summary>Evaluates <paramref name="modelResponse"/> to <paramref name="messages"/>.</summary>
    /// <param name="messages">The conversation the response answers.</param>
    /// <param name="modelResponse">The response to evaluate.</param>
    /// <param name="chatConfiguration">The judge, for AI-based evaluators.</param>
    /// <param name="additionalContext">Extra context such as <see cref="GroundednessEvaluatorContext"/> or <see cref="EquivalenceEvaluatorContext"/>.</param>
    /// <param name="cancellationToken">Cancels the evaluation.</param>
    /// <returns>The metrics. Unreadable judge output gives failed metrics with diagnostics, never an exception.</returns>
    ValueTask<EvaluationResult> EvaluateAsync(
        IEnumerable<ChatMessage> messages,
        ChatResponse modelResponse,
        ChatConfiguration? chatConfiguration = null,
        IEnumerable<EvaluationContext>? additionalContext = null,
        CancellationToken cancellationToken = default);
}
