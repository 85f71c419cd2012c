using Microsoft.Extensions.AI;
using Microsoft.Extensions.AI.Evaluation;

namespace BenchmarkAgent.Testing.Evaluation;

/// <summary>
/// Wraps one of the project's own evaluators so a failure stays on the item: when it throws (or returns nothing), each
/// of its metrics is reported failed with an error diagnostic naming the evaluator and the exception, and the run goes
/// on. Only the metrics it advertises are kept, so it can never replace the rubric judge's metrics (which decide whether
/// a free-text item passes). Cancellation of the run still cancels.
/// </summary>
/// <param name="inner">The evaluator.</param>
internal sealed class GuardedEvaluator(IEvaluator inner) : IEvaluator
{
    /// <summary>The wrapped evaluator.</summary>
    public IEvaluator Inner { get; } = inner;

    /// <inheritdoc />
    public IReadOnlyCollection<string> EvaluationMetricNames => Inner.EvaluationMetricNames;

    /// <inheritdoc />
    public async ValueTask<EvaluationResult> EvaluateAsync(
        IEnumerable<ChatMessage> messages,
        ChatResponse modelResponse,
        ChatConfiguration? chatConfiguration = null,
        IEnumerable<EvaluationContext>? additionalContext = null,
        CancellationToken cancellationToken = default)
    {
        string evaluator = Inner.GetType().FullName ?? Inner.GetType().Name;
        try
        {
            var result = await Inner.EvaluateAsync(messages, modelResponse, chatConfiguration, additionalContext, cancellationToken).ConfigureAwait(false);
            return result is null ? FailedMetrics.For(EvaluationMetricNames, $"The evaluator {evaluator} returned no result.") : Advertised(result, evaluator);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return FailedMetrics.For(EvaluationMetricNames, $"The evaluator {evaluator} threw {ex.GetType().Name}: {ex.Message}");
        }
    }

    /// <summary>Keeps the advertised metrics; the others are left out, with a warning on the kept ones naming them.</summary>
    private EvaluationResult Advertised(EvaluationResult result, string evaluator)
    {
        var advertised = EvaluationMetricNames.ToHashSet(StringComparer.Ordinal);
        var extra = result.Metrics.Keys.Where(name => !advertised.Contains(name)).Order(StringComparer.Ordinal).ToList();
        if (extra.Count == 0)
        {
            return result;
        }

        var kept = new EvaluationResult(result.Metrics.Values.Where(m => advertised.Contains(m.Name)));
        kept.AddDiagnosticsToAllMetrics(EvaluationDiagnostic.Warning(
            $"The evaluator {evaluator} also returned metrics it does not list in EvaluationMetricNames, which were left out: {string.Join(", ", extra)}."));
        return kept;
    }
}
