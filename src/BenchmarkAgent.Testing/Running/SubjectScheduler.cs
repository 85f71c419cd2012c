using System.Collections.Concurrent;
using System.Diagnostics;
using BenchmarkAgent.Execution;
using Microsoft.Extensions.AI;

namespace BenchmarkAgent.Testing.Running;

/// <summary>
/// Pipelines calls to the subject across all items of a run. xUnit runs theory rows one after
/// another, so the first item that asks starts every call in the background, at most
/// <c>concurrency</c> at a time, and each test case awaits only its own answer.
/// </summary>
public sealed class SubjectScheduler : IAsyncDisposable
{
    /// <summary>The <see cref="ChatOptions.AdditionalProperties"/> key carrying the 0-based repeat index of a call.</summary>
    public const string RepeatPropertyKey = "benchagent.repeat";

    private readonly IChatClient _subject;
    private readonly IReadOnlyList<(string Benchmark, BenchmarkItem Item)> _items;
    private readonly SemaphoreSlim _slots;
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<string, Lazy<Task<SubjectAnswer>>> _answers = new(StringComparer.Ordinal);
    private int _started;

    /// <summary>Creates a scheduler over every item the run may ask for, in the order calls should start.</summary>
    public SubjectScheduler(IChatClient subject, IReadOnlyList<(string Benchmark, BenchmarkItem Item)> items, int concurrency)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(items);
        ArgumentOutOfRangeException.ThrowIfLessThan(concurrency, 1);
        _subject = subject;
        _items = items;
        _slots = new SemaphoreSlim(concurrency, concurrency);
        Concurrency = concurrency;
    }

    /// <summary>The most calls in flight at once.</summary>
    public int Concurrency { get; }

    /// <summary>Returns the answer to <paramref name="item"/>; the first call starts the whole run's calls.</summary>
    public Task<SubjectAnswer> AskAsync(string benchmark, BenchmarkItem item, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (Interlocked.Exchange(ref _started, 1) == 0)
        {
            foreach (var (b, i) in _items)
            {
                _ = Answer(b, i).Value; // start in order; each waits for a free slot
            }
        }

        // An item outside the prepared list (e.g. a custom test class) is still served, through the same slots.
        return Answer(benchmark, item).Value.WaitAsync(cancellationToken);
    }

    /// <summary>Cancels calls still queued or in flight.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        _stopping.Dispose();
        _slots.Dispose();
    }

    private Lazy<Task<SubjectAnswer>> Answer(string benchmark, BenchmarkItem item) =>
        _answers.GetOrAdd($"{benchmark}/{item.Id}", _ => new Lazy<Task<SubjectAnswer>>(() => CallAsync(item), LazyThreadSafetyMode.ExecutionAndPublication));

    private async Task<SubjectAnswer> CallAsync(BenchmarkItem item)
    {
        var token = _stopping.Token;
        try
        {
            await _slots.WaitAsync(token).ConfigureAwait(false);
        }
        catch (OperationCanceledException ex)
        {
            return new SubjectAnswer(string.Empty, TimeSpan.Zero, ex);
        }

        var stopwatch = Stopwatch.StartNew();
        try
        {
            var response = await _subject.GetResponseAsync(BenchmarkPrompt.CreateMessages(item), BenchmarkPrompt.CreateOptions(item), token).ConfigureAwait(false);
            return new SubjectAnswer(response.Text, stopwatch.Elapsed, null);
        }
        catch (Exception ex)
        {
            // Fail closed: the error travels to the item's test, which fails with it.
            return new SubjectAnswer(string.Empty, stopwatch.Elapsed, ex);
        }
        finally
        {
            try
            {
                _slots.Release();
            }
            catch (ObjectDisposedException)
            {
                // The run ended while this call was in flight; nothing waits for the slot any more.
            }
        }
    }
}
