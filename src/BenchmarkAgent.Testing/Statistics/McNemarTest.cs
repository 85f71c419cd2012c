namespace BenchmarkAgent.Testing.Statistics;

/// <summary>
/// The exact McNemar test: a two-sided binomial test on the discordant pairs of a paired before/after comparison.
/// </summary>
/// <remarks>
/// <para>Items that passed both times or failed both times say nothing about a change, so only the <c>b</c> items
/// that passed before and fail now and the <c>c</c> items that failed before and pass now count. If nothing changed,
/// each discordant item is equally likely to fall on either side, so <c>b ~ Binomial(b + c, 1/2)</c> and
/// <c>p = min(1, 2 * P(X &lt;= min(b, c)))</c>.</para>
/// <para>This is the exact (conservative) test, not the mid-p variant and not the chi-squared approximation:
/// benchmarks are small (tens of items, a handful of discordant pairs), where the approximation is poor, and a
/// conservative test is what keeps a noisy subject from failing CI. The sums run in log space so thousands of
/// items neither underflow nor overflow.</para>
/// </remarks>
internal static class McNemarTest
{
    /// <summary>Computes the exact two-sided p-value for <paramref name="regressions"/> (b) and <paramref name="improvements"/> (c).</summary>
    /// <param name="regressions">Items that passed before and fail now.</param>
    /// <param name="improvements">Items that failed before and pass now.</param>
    /// <returns>The counts and the p-value (1 when there are no discordant pairs).</returns>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative.</exception>
    public static McNemarResult Compute(int regressions, int improvements)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(regressions);
        ArgumentOutOfRangeException.ThrowIfNegative(improvements);
        int n = regressions + improvements;
        if (n == 0)
        {
            return new McNemarResult(regressions, improvements, 1);
        }

        int k = Math.Min(regressions, improvements);
        if (2 * k == n)
        {
            // A perfectly even split is the most likely outcome: nothing is more extreme than it is.
            return new McNemarResult(regressions, improvements, 1);
        }

        // log P(X <= k) = log sum_{i=0..k} C(n, i) - n log 2, summed with the log-sum-exp trick.
        double logHalf = -n * Math.Log(2);
        var logTerms = new double[k + 1];
        double logChoose = 0;
        for (int i = 0; i <= k; i++)
        {
            logTerms[i] = logChoose + logHalf;
            logChoose += Math.Log(n - i) - Math.Log(i + 1);
        }

        double max = logTerms.Max();
        double sum = logTerms.Sum(t => Math.Exp(t - max));
        double tail = Math.Exp(max + Math.Log(sum));
        return new McNemarResult(regressions, improvements, Math.Min(1, 2 * tail));
    }
}
