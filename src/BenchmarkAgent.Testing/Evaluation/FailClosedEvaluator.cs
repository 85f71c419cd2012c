using Microsoft.Extensions.AI;
using Microsoft.Extensions.AI.Evaluation;

namespace BenchmarkAgent.Testing.Evaluation;

/// <summary>
/// Wraps the rubric judge for one evaluation so its failure is not lost inside a <see cref="CompositeEvaluator"/> (which
/// turns an exception into diagnostics): the exception is kept in <see cref="Failure"/>, and the caller fails the item
/// closed with it. One instance per evaluation.
/// </summary>
/// <param name="inner">The evaluator whose failure fails the item.</param>
internal sealed class FailClosedEvaluator(IEvaluator inner) : IEvaluator
{
    /// <summary>The exception the evaluator threw, or <see langword="null"/>.</summary>
    public Exception? Failure { get; private set; }

    /// <inheritdoc />
    public IReadOnlyCollection<string> EvaluationMetricNames => inner.EvaluationMetricNames;

    /// <inheritdoc />
    public async ValueTask<EvaluationResult> EvaluateAsync(
        IEnumerable<ChatMessage> messages,
        ChatResponse modelResponse,
        ChatConfiguration? chatConfiguration = null,
        IEnumerable<EvaluationContext>? additionalContext = null,
        CancellationToken cancellationToken = default)
    {
        try
        {
            return await inner.EvaluateAsync(messages, modelResponse, chatConfiguration, additionalContext, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            Failure = ex;
            return FailedMetrics.For(EvaluationMetricNames, $"The judge call failed: {ex.GetType().Name}: {ex.Message}");
        }
    }
}
