using System.Globalization;
using BenchmarkAgent.Items;
using BenchmarkAgent.Snapshots;

namespace BenchmarkAgent.Execution;

/// <summary>
/// What the CI lock checks beyond "the files parse and the fingerprint is current" (issue 16, finding 6): the items
/// must be the ones this benchmark's recorded plan generates. A gutted <c>items.json</c> fails the count, one copied
/// from another benchmark fails the subtasks, sources, seeds or ids, and an edit no local build has recorded fails
/// the content hash. Pure: the problems come back as data, each with its code and a message naming what differs.
/// </summary>
internal static class SnapshotConsistency
{
    /// <summary>How many item problems are listed before the rest are summarised.</summary>
    public const int MaxListed = 5;

    /// <summary>Compares <paramref name="snapshot"/> with its recorded plan, the request's <paramref name="seed"/> and <paramref name="quota"/>.</summary>
    /// <returns>One (code, message) per kind of difference; empty when the snapshot matches its plan.</returns>
    public static IReadOnlyList<(string Code, string Message)> Check(ExistingSnapshot snapshot, int seed, int quota)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var problems = new List<(string, string)>();
        var planned = snapshot.Plan.Subtasks.ToDictionary(s => s.Name, StringComparer.Ordinal);
        var active = snapshot.Items.Items.Where(i => !i.Curation.Excluded).ToList();

        var counts = new List<string>();
        if (active.Count != quota)
        {
            counts.Add($"items.json has {active.Count} items in use, the Quota is {quota}");
        }

        foreach (var subtask in snapshot.Plan.Subtasks)
        {
            int count = active.Count(i => i.Subtask == subtask.Name);
            if (count != subtask.Quota)
            {
                counts.Add($"subtask '{subtask.Name}' has {count}, plan.json gives it {subtask.Quota}");
            }
        }

        if (counts.Count > 0)
        {
            problems.Add((ErrorCodes.SnapshotCountMismatch, string.Join("; ", counts)));
        }

        var foreign = new List<string>();
        var unrecorded = new List<string>();
        foreach (var item in snapshot.Items.Items)
        {
            if (Foreign(item, planned, seed) is { } why)
            {
                foreign.Add($"item '{item.Id}' (line {snapshot.Items.LineOf(item.Id)}) {why}");
            }
            else if (!item.Curation.Excluded && !item.Curation.Edited && item.Curation.ContentHash is { } hash && hash != ItemContent.Hash(item))
            {
                unrecorded.Add($"item '{item.Id}' (line {snapshot.Items.LineOf(item.Id)})");
            }
        }

        if (foreign.Count > 0)
        {
            problems.Add((ErrorCodes.SnapshotItemsForeign, List(foreign)));
        }

        if (unrecorded.Count > 0)
        {
            problems.Add((ErrorCodes.SnapshotUnrecordedEdit, "content differs from its recorded contentHash and is not marked edited: " + List(unrecorded)));
        }

        return problems;
    }

    /// <summary>Why <paramref name="item"/> is not one this benchmark's plan generates, or null when it is.</summary>
    private static string? Foreign(BenchmarkItem item, Dictionary<string, RecordedSubtask> planned, int seed)
    {
        if (!planned.TryGetValue(item.Subtask, out var subtask))
        {
            return $"is in subtask '{item.Subtask}', which plan.json does not have";
        }

        var source = item.Provenance.Source;
        bool agrees = (source, subtask.Source) switch
        {
            (FamilySource f, FamilySource p) => f.FamilyId == p.FamilyId,
            (DatasetSource d, DatasetSource p) => d.Dataset == p.Dataset,
            (LlmSource l, LlmSource p) => l.Model == p.Model,
            (ExternalSource, _) => true, // hand-written: checked against the subtask's family by BA0204, not generated
            _ => false,
        };
        if (!agrees)
        {
            return $"has source '{source}', but plan.json gives subtask '{item.Subtask}' the source '{subtask.Source}'";
        }

        if (source is ExternalSource)
        {
            return null;
        }

        string expectedSeed = BenchmarkExecutor.PositionSeed(seed, item.Subtask, item.Provenance.Index, item.Provenance.Attempt, item.Curation.Generation)
            .ToString("x16", CultureInfo.InvariantCulture);
        if (!string.Equals(item.Provenance.Seed, expectedSeed, StringComparison.Ordinal))
        {
            return $"has seed {item.Provenance.Seed}, but this benchmark's Seed gives position {item.Provenance.Index} (attempt {item.Provenance.Attempt}, generation {item.Curation.Generation}) the seed {expectedSeed}: it was generated for another benchmark";
        }

        string expectedId = BenchmarkExecutor.ItemId(item.Subtask, source, item.Provenance.Seed);
        return item.Id == expectedId ? null : $"has id '{item.Id}', but its subtask, source and seed give the id '{expectedId}'";
    }

    private static string List(List<string> entries) =>
        string.Join("; ", entries.Take(MaxListed)) + (entries.Count > MaxListed ? $"; and {entries.Count - MaxListed} more" : string.Empty);
}
