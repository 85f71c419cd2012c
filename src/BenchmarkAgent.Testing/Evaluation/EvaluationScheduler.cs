using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using BenchmarkAgent.Execution;
using BenchmarkAgent.Testing.Results;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.AI.Evaluation;
using BenchmarkAgent.Items;

namespace BenchmarkAgent.Testing.Evaluation;

/// <summary>
/// Evaluates the subject's responses like <see cref="Running.SubjectScheduler"/> asks the subject: each repeat's
/// response once, in the background as soon as it arrives, at most <c>concurrency</c> evaluations at a time, and each
/// test awaits its own. An item's metrics come from one <see cref="CompositeEvaluator"/> over the rubric judge (free-text
/// items, with a judge configured) and the project's own evaluators (every item). A failed judge call (after the judge
/// client's retries) faults that item's task, so its test fails closed; a failing project evaluator only marks its
/// metrics with an error diagnostic.
/// </summary>
internal sealed class EvaluationScheduler : IAsyncDisposable
{
    private readonly ChatConfiguration? _judge;
    private readonly IReadOnlyList<IEvaluator> _custom;
    private readonly SemaphoreSlim _slots;
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<string, Lazy<Task<ItemEvaluation>>> _results = new(StringComparer.Ordinal);

    /// <summary>Creates a scheduler.</summary>
    /// <param name="judge">The judge client, or <see langword="null"/> when no judge is configured (no rubric metrics, and the project's evaluators get no <see cref="ChatConfiguration"/>).</param>
    /// <param name="custom">The project's own evaluators (<see cref="BenchmarkEvaluatorAttribute"/>).</param>
    /// <param name="concurrency">The most evaluations in flight at once.</param>
    public EvaluationScheduler(IChatClient? judge, IReadOnlyList<IEvaluator> custom, int concurrency)
    {
        ArgumentNullException.ThrowIfNull(custom);
        ArgumentOutOfRangeException.ThrowIfLessThan(concurrency, 1);
        _judge = judge is null ? null : new ChatConfiguration(judge);
        _custom = custom.Select(e => (IEvaluator)new GuardedEvaluator(e)).ToList();
        _slots = new SemaphoreSlim(concurrency, concurrency);
    }

    /// <summary>
    /// Reads an item's media parts (benchmark, item) when it is evaluated, so the evaluators see what the subject saw;
    /// <see langword="null"/>: items are evaluated as text.
    /// </summary>
    public Func<string, BenchmarkItem, IReadOnlyList<AIContent>>? Media { get; init; }

    /// <summary>The inputs the judge accepts besides text (<c>BENCHAGENT_JUDGE_MODALITIES</c>); the rubric judge gets only those media.</summary>
    public Testing.InputModalities JudgeModalities { get; init; }

    /// <summary>Whether the rubric judge rates an item's responses: free-text items only (the other answer types are scored exactly).</summary>
    /// <param name="item">The item.</param>
    public static bool IsJudged(BenchmarkItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return item.Answer.Type == AnswerType.FreeText;
    }

    /// <summary>Whether any evaluator runs for the item.</summary>
    /// <param name="item">The item.</param>
    public bool Evaluates(BenchmarkItem item) => _custom.Count > 0 || (_judge is not null && IsJudged(item));

    /// <summary>Returns the evaluation of one repeat's response to an item, starting it if needed.</summary>
    /// <param name="benchmark">The benchmark.</param>
    /// <param name="item">The item (its prompt is the question, its answer the reference).</param>
    /// <param name="repeat">The repeat index.</param>
    /// <param name="response">The subject's response.</param>
    /// <param name="cancellationToken">Stops waiting (the evaluation itself goes on for other waiters).</param>
    /// <returns>The metrics and the judge tokens they cost.</returns>
    public Task<ItemEvaluation> EvaluateAsync(string benchmark, BenchmarkItem item, int repeat, string response, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(item);
        return _results.GetOrAdd($"{benchmark}/{item.Id}#{repeat}", _ => new Lazy<Task<ItemEvaluation>>(() => CallAsync(benchmark, item, response), LazyThreadSafetyMode.ExecutionAndPublication))
            .Value.WaitAsync(cancellationToken);
    }

    /// <summary>Drops the evaluations kept for an item (every repeat) once its result is recorded.</summary>
    /// <param name="benchmark">The benchmark.</param>
    /// <param name="itemId">The item id.</param>
    /// <param name="repeats">How many repeats the item was asked.</param>
    public void Forget(string benchmark, string itemId, int repeats)
    {
        for (int repeat = 0; repeat < repeats; repeat++)
        {
            _results.TryRemove($"{benchmark}/{itemId}#{repeat}", out _);
        }
    }

    /// <summary>Cancels evaluations still queued or in flight.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        _stopping.Dispose();
        _slots.Dispose();
    }

    /// <summary>The additional context every evaluator gets: the reference answer, and the passage when the item carries one.</summary>
    /// <param name="item">The item.</param>
    /// <returns>The contexts.</returns>
    public static IReadOnlyList<EvaluationContext> ContextOf(BenchmarkItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return item.Context is { } passage
            ? [new ReferenceAnswerContext(item.Answer.Value), new GroundingPassageContext(passage)]
            : [new ReferenceAnswerContext(item.Answer.Value)];
    }

    private async Task<ItemEvaluation> CallAsync(string benchmark, BenchmarkItem item, string response)
    {
        var token = _stopping.Token;
        await _slots.WaitAsync(token).ConfigureAwait(false);
        try
        {
            var rubric = _judge is not null && IsJudged(item) ? new FailClosedEvaluator(new RubricEvaluator { JudgeModalities = JudgeModalities }) : null;
            List<IEvaluator> evaluators = rubric is null ? [.. _custom] : [rubric, .. _custom];
            var composite = new CompositeEvaluator(evaluators);
            // The same messages the subject got, media included (read again now: nothing holds them in between).
            var messages = Media is not null && item.Media.Count > 0
                ? BenchmarkPrompt.CreateMessages(item, Media(benchmark, item))
                : BenchmarkPrompt.CreateMessages(item);
            var result = await composite.EvaluateAsync(
                messages,
                new ChatResponse(new ChatMessage(ChatRole.Assistant, response)),
                _judge,
                ContextOf(item),
                token).ConfigureAwait(false);
            token.ThrowIfCancellationRequested();
            if (rubric?.Failure is { } failure)
            {
                ExceptionDispatchInfo.Throw(failure);
            }

            return new ItemEvaluation(result, JudgeMetadata.Tokens(result, evaluators));
        }
        finally
        {
            try
            {
                _slots.Release();
            }
            catch (ObjectDisposedException)
            {
                // The run ended while this evaluation was in flight.
            }
        }
    }
}
