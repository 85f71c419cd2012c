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
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(existing);
        ArgumentNullException.ThrowIfNull(realise);
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

            var report = Fill(subtask, kept, generation, realise, cancellationToken);
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
            DatasetSource => subtask.Source is DatasetSource dataset && dataset.TryGetRecord(item.Provenance.Source, out _),
            _ => true,
        };
    }

    /// <summary>Marks a reviewer's edit the engine sees for the first time, keeping the hash of the content as generated.</summary>
    private static BenchmarkItem RecordEdit(BenchmarkItem item) =>
        ItemContent.IsEdited(item) && !item.Curation.Edited
            ? item with { Curation = item.Curation with { Edited = true, ContentHash = ItemContent.GeneratedHash(item) } }
            : item;

    private static SubtaskReport Fill(
        PlannedSubtask subtask,
        List<BenchmarkItem> kept,
        int generation,
        Func<PlannedSubtask, int, int, PositionResult> realise,
        CancellationToken cancellationToken)
    {
        var positions = new List<PositionResult>();
        int counted = kept.Count(i => !i.Curation.Excluded);
        var taken = kept.Where(i => i.Curation.Generation == generation).Select(i => i.Provenance.Index).ToHashSet();
        var ids = kept.Select(i => i.Id).ToHashSet(StringComparer.Ordinal);
        for (int index = 0; counted < subtask.Quota; index++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (taken.Contains(index))
            {
                continue;
            }

            var result = realise(subtask, index, generation);
            positions.Add(result);
            if (result.Item is null)
            {
                throw new QuotaShortfallException(subtask.Name, subtask.Quota, counted, result.LastRejection);
            }

            if (ids.Add(result.Item.Id))
            {
                kept.Add(result.Item);
                counted++;
            }
        }

        return new SubtaskReport(
            subtask.Name,
            counted,
            positions.Sum(p => p.Rejected),
            RejectionCounts.Sum(positions.SelectMany(p => p.RejectionsByCheck)));
    }
}
