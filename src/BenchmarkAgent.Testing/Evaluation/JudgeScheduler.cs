using System.Collections.Concurrent;
using BenchmarkAgent.Execution;
using Microsoft.Extensions.AI;

namespace BenchmarkAgent.Testing.Evaluation;

/// <summary>
/// Pipelines judge calls like <see cref="Running.SubjectScheduler"/> does subject calls: each response is judged once,
/// in the background as soon as it arrives, at most <c>concurrency</c> calls at a time, and each test awaits its own
/// result. A failed call (after the judge client's retries) faults that item's task, so its test fails closed.
/// </summary>
public sealed class JudgeScheduler : IAsyncDisposable
{
    private readonly ChatConfiguration _judge;
    private readonly IEvaluator _evaluator;
    private readonly SemaphoreSlim _slots;
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<string, Lazy<Task<EvaluationResult>>> _results = new(StringComparer.Ordinal);

    /// <summary>Creates a scheduler.</summary>
    /// <param name="judge">The judge client.</param>
    /// <param name="evaluator">The evaluator that calls it.</param>
    /// <param name="concurrency">The most judge calls in flight at once.</param>
    public JudgeScheduler(IChatClient judge, IEvaluator evaluator, int concurrency)
    {
        ArgumentNullException.ThrowIfNull(judge);
        ArgumentNullException.ThrowIfNull(evaluator);
        ArgumentOutOfRangeException.ThrowIfLessThan(concurrency, 1);
        _judge = new ChatConfiguration(judge);
        _evaluator = evaluator;
        _slots = new SemaphoreSlim(concurrency, concurrency);
    }

    /// <summary>Returns the evaluation of one repeat's response to an item, starting it if needed.</summary>
    /// <param name="benchmark">The benchmark.</param>
    /// <param name="item">The item (its prompt is the question, its answer the reference).</param>
    /// <param name="repeat">The repeat index.</param>
    /// <param name="response">The subject's response.</param>
    /// <param name="cancellationToken">Stops waiting (the call itself goes on for other waiters).</param>
    /// <returns>The metrics.</returns>
    public Task<EvaluationResult> EvaluateAsync(string benchmark, BenchmarkItem item, int repeat, string response, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(item);
        return _results.GetOrAdd($"{benchmark}/{item.Id}#{repeat}", _ => new Lazy<Task<EvaluationResult>>(() => CallAsync(item, response), LazyThreadSafetyMode.ExecutionAndPublication))
            .Value.WaitAsync(cancellationToken);
    }

    /// <summary>Cancels judge calls still queued or in flight.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        _stopping.Dispose();
        _slots.Dispose();
    }

    private async Task<EvaluationResult> CallAsync(BenchmarkItem item, string response)
    {
        var token = _stopping.Token;
        await _slots.WaitAsync(token).ConfigureAwait(false);
        try
        {
            var messages = BenchmarkPrompt.CreateMessages(item);
            // Groundedness is rated only when the item carries the passage its question is about.
            EvaluationContext[] context = item.Context is { } passage
                ? [new EquivalenceEvaluatorContext(item.Answer.Value), new GroundednessEvaluatorContext(passage)]
                : [new EquivalenceEvaluatorContext(item.Answer.Value)];
            return await _evaluator.EvaluateAsync(messages, new ChatResponse(new ChatMessage(ChatRole.Assistant, response)), _judge, context, token).ConfigureAwait(false);
        }
        finally
        {
            try
            {
                _slots.Release();
            }
            catch (ObjectDisposedException)
            {
                // The run ended while this call was in flight.
            }
        }
    }
}
