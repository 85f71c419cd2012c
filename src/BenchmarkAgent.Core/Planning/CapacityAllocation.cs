namespace BenchmarkAgent.Planning;

/// <summary>The Allocation Agent's capacity step: splits a quota over subtasks, respecting what each dataset can supply.</summary>
internal static class CapacityAllocation
{
    /// <summary>
    /// Splits the quota by relevance, then caps each dataset subtask at what it can supply and moves the
    /// shortfall to the other subtasks; throws when nothing is left to take it.
    /// </summary>
    public static int[] Allocate(int quota, IReadOnlyList<PlannedSubtask> subtasks, IReadOnlyList<int?> capacities)
    {
        int n = subtasks.Count;
        var fixedQuota = new int?[n];
        while (true)
        {
            var free = Enumerable.Range(0, n).Where(i => fixedQuota[i] is null).ToList();
            int remaining = quota - fixedQuota.Sum(q => q ?? 0);
            if (free.Count == 0)
            {
                if (remaining > 0)
                {
                    string detail = string.Join(
                        "; ",
                        subtasks.Select((s, i) => $"{s.Name}: {capacities[i]} (records x transformations that apply)"));
                    throw new DatasetShortfallException(quota, quota - remaining, detail);
                }

                return fixedQuota.Select(q => q ?? 0).ToArray();
            }

            var shares = QuotaAllocator.Allocate(remaining, free.Select(i => Math.Max(subtasks[i].Relevance, 0.01)).ToList());
            var over = free.Where((i, k) => capacities[i] is { } cap && shares[k] > cap).ToList();
            if (over.Count == 0)
            {
                for (int k = 0; k < free.Count; k++)
                {
                    fixedQuota[free[k]] = shares[k];
                }

                return fixedQuota.Select(q => q ?? 0).ToArray();
            }

            foreach (int i in over)
            {
                fixedQuota[i] = capacities[i];
            }
        }
    }
}
