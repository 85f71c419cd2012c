using BenchmarkAgent.Planning;
using BenchmarkAgent.Items;
using BenchmarkAgent.Snapshots;

namespace BenchmarkAgent.Execution;

/// <summary>
/// Minimal churn: turns an existing snapshot's items and a (new) plan into the new item list, keeping every item it
/// can and generating only what is missing. Pure: generation is the <c>realise</c> function passed in.
/// </summary>
/// <remarks>
/// Per subtask of the plan, the existing items with the same subtask name and source survive (items of other subtasks
/// are dropped). Excluded items stay in the file and do not count toward the quota; a reviewer's edit is kept and marked
/// <c>edited</c>. Too many counted items: the fewest are dropped, highest (generation, position) first and edited ones
/// last. Too few: the next free positions of the current generation's stream fill the quota.
/// </remarks>
internal static class SnapshotReconciler
{
    /// <summary>Reconciles <paramref name="existing"/> with <paramref name="plan"/>.</summary>
    /// <param name="plan">The plan to satisfy.</param>
    /// <param name="existing">The items of the snapshot on disk (empty for a first generation).</param>
    /// <param name="generation">The stream new items come from (the current generation, or a refresh's new one).</param>
    /// <param name="realise">Realises (subtask, position, generation) into an item, see <see cref="BenchmarkExecutor.Realise"/>.</param>
    /// <param name="isCurrent">False for an item whose source changed under it (a dataset record edited or removed); it is regenerated. Edited items are kept regardless.</param>
    /// <param name="rotate">Ids to replace by fresh items (a refresh); they are dropped before filling.</param>
    /// <param name="cancellationToken">Cancels between positions.</param>
    /// <exception cref="QuotaShortfallException">A position could not be realised within the attempt budget.</exception>
    public static ReconciledItems Reconcile(
        BenchmarkPlan plan,
        IReadOnlyList<BenchmarkItem> existing,
        int generation,
        Func<PlannedSubtask, int, int, PositionResult> realise,
        Func<BenchmarkItem, bool>? isCurrent = null,
        IReadOnlySet<string>? rotate = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(realise);

        // A synchronous realise makes every await below complete synchronously: the ValueTask is done on return.
        var pending = ReconcileAsync(plan, existing, generation, (s, i, g, _) => ValueTask.FromResult(realise(s, i, g)), isCurrent, rotate, 1, cancellationToken);
        return pending.GetAwaiter().GetResult();
    }

    /// <summary>
    /// Reconciles <paramref name="existing"/> with <paramref name="plan"/>, realising missing positions asynchronously
    /// (the LLM backbone), up to <paramref name="concurrency"/> positions of a subtask at a time. The result is the same
    /// as <see cref="Reconcile"/>'s for the same realised items: positions are taken in order, whatever finishes first.
    /// </summary>
    /// <param name="plan">The plan to satisfy.</param>
    /// <param name="existing">The items of the snapshot on disk (empty for a first generation).</param>
    /// <param name="generation">The stream new items come from.</param>
    /// <param name="realise">Realises (subtask, position, generation); must be safe to call concurrently when <paramref name="concurrency"/> &gt; 1.</param>
    /// <param name="isCurrent">False for an item whose source changed under it; it is regenerated.</param>
    /// <param name="rotate">Ids to replace by fresh items (a refresh).</param>
    /// <param name="concurrency">How many positions of a subtask may be realised at the same time (1 or more).</param>
    /// <param name="cancellationToken">Cancels between positions and inside <paramref name="realise"/>.</param>
    /// <exception cref="QuotaShortfallException">A position could not be realised within the attempt budget.</exception>
    public static async ValueTask<ReconciledItems> ReconcileAsync(
        BenchmarkPlan plan,
        IReadOnlyList<BenchmarkItem> existing,
        int generation,
        Func<PlannedSubtask, int, int, CancellationToken, ValueTask<PositionResult>> realise,
        Func<BenchmarkItem, bool>? isCurrent = null,
        IReadOnlySet<string>? rotate = null,
        int concurrency = 1,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(existing);
        ArgumentNullException.ThrowIfNull(realise);
        ArgumentOutOfRangeException.ThrowIfLessThan(concurrency, 1);
        isCurrent ??= _ => true;
        var items = new List<BenchmarkItem>(plan.Request.Quota);
        var reports = new List<SubtaskReport>(plan.Subtasks.Count);
        foreach (var subtask in plan.Subtasks)
        {
            var kept = existing
                .Where(i => i.Subtask == subtask.Name && BelongsTo(i, subtask))
                .Where(i => ItemContent.IsEdited(i) || (isCurrent(i) && rotate?.Contains(i.Id) != true))
                .Select(RecordEdit)
                .ToList();
            var counted = kept.Where(i => !i.Curation.Excluded).ToList();
            if (counted.Count > subtask.Quota)
            {
                var dropped = counted
                    .OrderBy(i => ItemContent.IsEdited(i) ? 1 : 0)
                    .ThenByDescending(i => i.Curation.Generation)
                    .ThenByDescending(i => i.Provenance.Index)
                    .Take(counted.Count - subtask.Quota)
                    .Select(i => i.Id)
                    .ToHashSet(StringComparer.Ordinal);
                kept.RemoveAll(i => dropped.Contains(i.Id));
            }

            var report = await FillAsync(subtask, kept, generation, realise, concurrency, cancellationToken).ConfigureAwait(false);
            items.AddRange(kept);
            reports.Add(report);
        }

        return new ReconciledItems(items, reports);
    }

    /// <summary>True when <paramref name="item"/> came from <paramref name="subtask"/>'s source (or from no generator at all: a hand-written item).</summary>
    private static bool BelongsTo(BenchmarkItem item, PlannedSubtask subtask)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(subtask);
        return item.Provenance.Source switch
        {
            FamilySource family => family == subtask.Source,
            LlmSource llm => llm == subtask.Source,
            DatasetSource => subtask.Source is DatasetSource dataset && dataset.TryGetRecord(item.Provenance.Source, out _),
            _ => true,
        };
    }

    /// <summary>Marks a reviewer's edit the engine sees for the first time, keeping the hash of the content as generated.</summary>
    private static BenchmarkItem RecordEdit(BenchmarkItem item) =>
        ItemContent.IsEdited(item) && !item.Curation.Edited
            ? item with { Curation = item.Curation with { Edited = true, ContentHash = ItemContent.GeneratedHash(item) } }
            : item;

    private static async ValueTask<SubtaskReport> FillAsync(
        PlannedSubtask subtask,
        List<BenchmarkItem> kept,
        int generation,
        Func<PlannedSubtask, int, int, CancellationToken, ValueTask<PositionResult>> realise,
        int concurrency,
        CancellationToken cancellationToken)
    {
        var positions = new List<PositionResult>();
        int counted = kept.Count(i => !i.Curation.Excluded);
        var taken = kept.Where(i => i.Curation.Generation == generation).Select(i => i.Provenance.Index).ToHashSet();
        var ids = kept.Select(i => i.Id).ToHashSet(StringComparer.Ordinal);
        int next = 0;
        while (counted < subtask.Quota)
        {
            cancellationToken.ThrowIfCancellationRequested();

            // The next free positions, at most as many as are still missing (so nothing is realised in vain).
            var batch = new List<int>();
            for (; batch.Count < Math.Min(concurrency, subtask.Quota - counted); next++)
            {
                if (!taken.Contains(next))
                {
                    batch.Add(next);
                }
            }

            PositionResult[] results;
            if (batch.Count == 1)
            {
                results = [await realise(subtask, batch[0], generation, cancellationToken).ConfigureAwait(false)];
            }
            else
            {
                results = await Task.WhenAll(batch.Select(index => realise(subtask, index, generation, cancellationToken).AsTask())).ConfigureAwait(false);
            }

            foreach (var result in results)
            {
                positions.Add(result);
                if (result.Item is null)
                {
                    throw new QuotaShortfallException(subtask.Name, subtask.Quota, counted, result.LastRejection);
                }

                if (counted < subtask.Quota && ids.Add(result.Item.Id))
                {
                    kept.Add(result.Item);
                    counted++;
                }
            }
        }

        return new SubtaskReport(
            subtask.Name,
            counted,
            positions.Sum(p => p.Rejected),
            RejectionCounts.Sum(positions.SelectMany(p => p.RejectionsByCheck)));
    }
}
