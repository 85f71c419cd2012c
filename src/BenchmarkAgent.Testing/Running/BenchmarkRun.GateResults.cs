using System.Collections.Concurrent;
using System.Reflection;
using BenchmarkAgent.Items;
using BenchmarkAgent.Testing.Results;

namespace BenchmarkAgent.Testing.Running;

/// <content>
/// What the gate reads: the result each item test recorded. Once an item's result is recorded the schedulers drop its
/// answers and evaluations (a 50,000-item run no longer holds every answer until it ends); the gate takes recorded
/// results as they are and evaluates through the schedulers only the items whose tests have not run yet.
/// </content>
public sealed partial class BenchmarkRun
{
    /// <summary>The recorded result of each item, by benchmark and id (the same objects as in the report's queue).</summary>
    private readonly ConcurrentDictionary<(string Benchmark, string ItemId), ItemResult> _recorded = new();

    /// <summary>Orders "record, then drop the answers" against "not recorded, so take the answers" (see <see cref="GateResultsAsync"/>).</summary>
    private readonly object _recordLock = new();

    /// <summary>
    /// The result of every item of a benchmark, in item order, for its gate: an item's recorded result when its test has
    /// run, otherwise the run's evaluation of it now (memoised, so its item test makes no second call).
    /// </summary>
    /// <param name="testAssembly">The test assembly.</param>
    /// <param name="benchmark">The benchmark.</param>
    /// <param name="items">The benchmark's items.</param>
    /// <param name="subject">The subject label.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>One result per item, in the order of <paramref name="items"/>.</returns>
    internal async Task<IReadOnlyList<ItemResult>> GateResultsAsync(Assembly testAssembly, string benchmark, IReadOnlyList<BenchmarkItem> items, string subject, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(items);
        var results = new ItemResult[items.Count];
        for (int i = 0; i < items.Count; i++)
        {
            Task<ItemOutcome> evaluation;
            lock (_recordLock)
            {
                // Under the lock, so an item test cannot record (and drop the answers) between this look-up and taking
                // the item's calls: either the result is here, or the calls are held by the evaluation started here.
                if (_recorded.TryGetValue((benchmark, items[i].Id), out var recorded))
                {
                    results[i] = recorded;
                    continue;
                }

                evaluation = EvaluateAsync(testAssembly, benchmark, items[i], cancellationToken);
            }

            // One item at a time: the calls already run in the background (the scheduler started them all), so waiting in
            // order costs no time, while starting every remaining evaluation at once held thousands of them in memory
            // (xUnit may order the gate before most item tests).
            results[i] = ItemResults.From(benchmark, items[i], subject, await evaluation.ConfigureAwait(false), MaxAnswerChars);
        }

        return results;
    }

    /// <summary>Indexes a recorded result for the gate and drops what the schedulers keep of its item.</summary>
    private void Remember(ItemResult result)
    {
        lock (_recordLock)
        {
            _recorded[(result.Benchmark, result.ItemId)] = result;
            _scheduler?.Forget(result.Benchmark, result.ItemId);
            _evaluationScheduler?.Forget(result.Benchmark, result.ItemId, _settings.Repeats);
        }
    }
}
