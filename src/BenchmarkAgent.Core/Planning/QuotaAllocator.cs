namespace BenchmarkAgent.Planning;

/// <summary>
/// The Allocation Agent's arithmetic: splits a quota across subtasks in proportion to their
/// importance, as integers that sum exactly to the quota (largest remainder method).
/// </summary>
internal static class QuotaAllocator
{
    /// <summary>
    /// Allocates <paramref name="quota"/> across <paramref name="weights"/>. Every subtask gets at least
    /// one item while the quota allows; remainders go to the largest fractional parts, ties to the earlier subtask.
    /// </summary>
    public static IReadOnlyList<int> Allocate(int quota, IReadOnlyList<double> weights)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(quota);
        ArgumentNullException.ThrowIfNull(weights);
        int n = weights.Count;
        if (n == 0)
        {
            return [];
        }

        var result = new int[n];
        int floor = quota >= n ? 1 : 0;
        int rest = quota - (floor * n);
        for (int i = 0; i < n; i++)
        {
            result[i] = floor;
        }

        double total = weights.Sum(w => Math.Max(w, 0));
        var shares = weights.Select(w => total > 0 ? rest * Math.Max(w, 0) / total : (double)rest / n).ToArray();
        int given = 0;
        for (int i = 0; i < n; i++)
        {
            int whole = (int)Math.Floor(shares[i]);
            result[i] += whole;
            given += whole;
        }

        var order = Enumerable.Range(0, n)
            .OrderByDescending(i => shares[i] - Math.Floor(shares[i]))
            .ThenBy(i => i)
            .ToList();
        for (int k = 0; given < rest; k = (k + 1) % n, given++)
        {
            result[order[k]]++;
        }

        return result;
    }
}
