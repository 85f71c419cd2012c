using BenchmarkAgent.Verification;
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
        var keptBySubtask = plan.Subtasks.Select(subtask => Keep(subtask, existing, isCurrent, rotate)).ToList();

        // The prompts accepted so far, in plan and position order: a realised item whose prompt is already here is
        // consumed as a duplicate rejection (a realiser working concurrently cannot see its siblings' prompts).
        var prompts = new HashSet<string>(keptBySubtask.SelectMany(k => k).Select(VerificationContext.Key), StringComparer.Ordinal);
        if (concurrency == 1)
        {
            for (int k = 0; k < plan.Subtasks.Count; k++)
            {
                reports.Add(await FillAsync(plan.Subtasks[k], keptBySubtask[k], generation, realise, 1, prompts, null, cancellationToken).ConfigureAwait(false));
                items.AddRange(keptBySubtask[k]);
            }

            return new ReconciledItems(items, reports);
        }

        // Concurrent: every subtask realises at once, sharing one limit of `concurrency` realisations in flight, so a short
        // subtask does not leave the window half empty. Consumption stays in plan and position order (a subtask consumes
        // only after the one before it is complete), so the result, duplicates included, does not depend on what finishes
        // first. The first subtask (in plan order) that fails stops the others.
        using var gate = new SemaphoreSlim(concurrency, concurrency);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        async ValueTask<PositionResult> Gated(PlannedSubtask subtask, int index, int g, CancellationToken token)
        {
            await gate.WaitAsync(token).ConfigureAwait(false);
            try
            {
                return await realise(subtask, index, g, token).ConfigureAwait(false);
            }
            finally
            {
                gate.Release();
            }
        }

        var fills = new List<Task<SubtaskReport>>(plan.Subtasks.Count);
        async Task<SubtaskReport> FillOrStop(int k, Task? predecessor)
        {
            try
            {
                return await FillAsync(plan.Subtasks[k], keptBySubtask[k], generation, Gated, concurrency, prompts, predecessor, stop.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                await stop.CancelAsync().ConfigureAwait(false);
                throw;
            }
        }

        for (int k = 0; k < plan.Subtasks.Count; k++)
        {
            fills.Add(FillOrStop(k, k == 0 ? null : fills[k - 1]));
        }

        try
        {
            await Task.WhenAll(fills).ConfigureAwait(false);
        }
        catch (Exception)
        {
            // Report the failure of the first subtask in plan order that failed for a reason of its own.
            cancellationToken.ThrowIfCancellationRequested();
            var first = fills.FirstOrDefault(f => f.IsFaulted && f.Exception!.InnerException is not OperationCanceledException)
                ?? fills.First(f => f.IsFaulted || f.IsCanceled);
            await first.ConfigureAwait(false);
            throw;
        }

        for (int k = 0; k < plan.Subtasks.Count; k++)
        {
            reports.Add(fills[k].Result);
            items.AddRange(keptBySubtask[k]);
        }

        return new ReconciledItems(items, reports);
    }

    /// <summary>The existing items a subtask keeps: its own, still current and not rotated (edited ones always), at most its quota.</summary>
    private static List<BenchmarkItem> Keep(PlannedSubtask subtask, IReadOnlyList<BenchmarkItem> existing, Func<BenchmarkItem, bool> isCurrent, IReadOnlySet<string>? rotate)
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

        return kept;
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

    /// <summary>The check name a duplicate prompt is counted under (the same as the offline duplicate verifier's).</summary>
    private const string DuplicatePrompt = "duplicate";

    private static async ValueTask<SubtaskReport> FillAsync(
        PlannedSubtask subtask,
        List<BenchmarkItem> kept,
        int generation,
        Func<PlannedSubtask, int, int, CancellationToken, ValueTask<PositionResult>> realise,
        int concurrency,
        HashSet<string> prompts,
        Task? predecessor,
        CancellationToken cancellationToken)
    {
        var positions = new List<PositionResult>();
        int counted = kept.Count(i => !i.Curation.Excluded);
        var taken = kept.Where(i => i.Curation.Generation == generation).Select(i => i.Provenance.Index).ToHashSet();
        var ids = kept.Select(i => i.Id).ToHashSet(StringComparer.Ordinal);
        int next = 0;

        // A sliding window: up to `concurrency` positions in flight, consumed strictly in position order (so the result is
        // the same whatever finishes first); a new position starts as soon as the oldest one is consumed, and never more
        // are in flight than are still missing (so nothing is realised in vain).
        var inFlight = new Queue<Task<PositionResult>>();
        int duplicates = 0;
        try
        {
            while (counted < subtask.Quota)
            {
                cancellationToken.ThrowIfCancellationRequested();
                while (inFlight.Count < Math.Min(concurrency, subtask.Quota - counted))
                {
                    while (taken.Contains(next))
                    {
                        next++;
                    }

                    inFlight.Enqueue(realise(subtask, next++, generation, cancellationToken).AsTask());
                }

                var result = await inFlight.Dequeue().ConfigureAwait(false);
                if (predecessor is not null)
                {
                    // Consume only after the subtask before this one is complete (its outcome is its own task's to report).
                    await predecessor.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                    predecessor = null;
                }

                positions.Add(result);
                if (result.Item is null)
                {
                    throw new QuotaShortfallException(subtask.Name, subtask.Quota, counted, result.LastRejection);
                }

                if (!prompts.Add(VerificationContext.Key(result.Item)))
                {
                    positions.Add(new PositionResult(null, 1, RejectionCounts.Of([DuplicatePrompt]), $"{DuplicatePrompt}: an earlier item has the same prompt"));
                    if (++duplicates > subtask.Quota * BenchmarkExecutor.MaxAttemptsPerItem)
                    {
                        throw new QuotaShortfallException(subtask.Name, subtask.Quota, counted, $"{DuplicatePrompt}: {duplicates} realised items repeat earlier prompts");
                    }

                    continue;
                }

                if (ids.Add(result.Item.Id))
                {
                    kept.Add(result.Item);
                    counted++;
                }
            }
        }
        finally
        {
            // Positions still in flight when the subtask ends early (a shortfall or cancellation) are awaited, so no
            // realisation outlives the generation; their outcome no longer matters.
            foreach (var pending in inFlight)
            {
                try
                {
                    await pending.ConfigureAwait(false);
                }
                catch (Exception) when (inFlight.Count > 0)
                {
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
