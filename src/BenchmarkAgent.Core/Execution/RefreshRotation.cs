using BenchmarkAgent.Planning;
using BenchmarkAgent.Items;
using BenchmarkAgent.Snapshots;

namespace BenchmarkAgent.Execution;

/// <summary>Chooses which items a refresh rotates out: deterministic, per subtask, never edited or excluded items.</summary>
internal static class RefreshRotation
{
    /// <summary>The fraction rotated when <c>BenchmarkAgentRefreshFraction</c> is not set.</summary>
    public const double DefaultFraction = 0.25;

    /// <summary>True for a usable fraction: 0 &lt; f &lt;= 1.</summary>
    public static bool IsValidFraction(double fraction) => fraction > 0 && fraction <= 1;

    /// <summary>
    /// Per subtask of <paramref name="plan"/>, picks round(<paramref name="fraction"/> x n) (at least one) of its n rotatable
    /// items, ordered by a hash of (generation, id) so the choice depends on the new generation number only.
    /// </summary>
    public static IReadOnlySet<string> Choose(BenchmarkPlan plan, IReadOnlyList<BenchmarkItem> items, double fraction, int generation)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(items);
        if (!IsValidFraction(fraction))
        {
            throw new ArgumentOutOfRangeException(nameof(fraction), fraction, "The refresh fraction must be greater than 0 and at most 1.");
        }

        var chosen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var subtask in plan.Subtasks)
        {
            var rotatable = items
                .Where(i => i.Subtask == subtask.Name && !i.Curation.Excluded && !ItemContent.IsEdited(i))
                .ToList();
            if (rotatable.Count == 0)
            {
                continue;
            }

            int count = Math.Max(1, (int)Math.Round(fraction * rotatable.Count, MidpointRounding.AwayFromZero));
            chosen.UnionWith(rotatable
                .OrderBy(i => StableHash.Hex(16, "rotate", generation, i.Id), StringComparer.Ordinal)
                .Take(count)
                .Select(i => i.Id));
        }

        return chosen;
    }

    /// <summary>The history record of refresh <paramref name="generation"/>: what the reconciled <paramref name="items"/> rotated, kept, edited and excluded.</summary>
    public static GenerationRecord Record(int benchmarkSeed, int generation, double fraction, IReadOnlyList<BenchmarkItem> items) => new(
        generation,
        BenchmarkExecutor.GenerationSeed(benchmarkSeed, generation).ToString("x16", System.Globalization.CultureInfo.InvariantCulture),
        fraction,
        Rotated: items.Count(i => i.Curation.Generation == generation),
        Kept: items.Count(i => i.Curation.Generation != generation && !i.Curation.Excluded && !ItemContent.IsEdited(i)),
        Edited: items.Count(i => !i.Curation.Excluded && ItemContent.IsEdited(i)),
        Excluded: items.Count(i => i.Curation.Excluded));
}
