namespace BenchmarkAgent.Execution;

/// <summary>How many candidates each verification check rejected: the one place such counts are added up.</summary>
internal static class RejectionCounts
{
    /// <summary>Adds up counts per check (checks compared ordinally), e.g. a subtask's positions or an earlier run's and this run's.</summary>
    /// <param name="counts">(check, count) pairs; a check may appear any number of times.</param>
    /// <returns>The total per check, in ordinal order of check name.</returns>
    public static IReadOnlyDictionary<string, int> Sum(IEnumerable<KeyValuePair<string, int>> counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var total = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var (check, count) in counts)
        {
            total[check] = total.GetValueOrDefault(check) + count;
        }

        return total;
    }

    /// <summary>Counts a list of rejecting checks, one rejection each (the attempts at one position, in order).</summary>
    /// <param name="checks">The check that rejected each attempt.</param>
    /// <returns>The count per check, in ordinal order of check name.</returns>
    public static IReadOnlyDictionary<string, int> Of(IEnumerable<string> checks)
    {
        ArgumentNullException.ThrowIfNull(checks);
        return Sum(checks.Select(check => KeyValuePair.Create(check, 1)));
    }
}
