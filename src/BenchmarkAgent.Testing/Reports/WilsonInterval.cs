namespace BenchmarkAgent.Testing.Reports;

/// <summary>
/// A 95% Wilson score interval for a pass rate: the binomial proportion interval that stays inside [0, 1] and keeps
/// close to its nominal coverage for the small item counts of a subtask (the normal-approximation "Wald" interval
/// collapses to zero width at 0/n and n/n and undercovers below ~30 items).
/// </summary>
/// <remarks>
/// For <c>k</c> passes out of <c>n</c> scored items, <c>p = k/n</c> and <c>z = 1.96</c>:
/// <c>centre = (p + z²/2n) / (1 + z²/n)</c>, <c>half = z / (1 + z²/n) * sqrt(p(1-p)/n + z²/4n²)</c>,
/// interval <c>[centre - half, centre + half]</c>. With no scored items the interval is the whole of [0, 1].
/// </remarks>
/// <param name="Low">The lower bound (0 to 1).</param>
/// <param name="High">The upper bound (0 to 1).</param>
internal readonly record struct WilsonInterval(double Low, double High)
{
    /// <summary>The normal quantile of a two-sided 95% interval.</summary>
    public const double Z95 = 1.959963984540054;

    /// <summary>Computes the 95% interval of <paramref name="passed"/> successes out of <paramref name="trials"/>.</summary>
    /// <param name="passed">Items that passed (0 to <paramref name="trials"/>).</param>
    /// <param name="trials">Items scored.</param>
    /// <returns>The interval; [0, 1] when <paramref name="trials"/> is 0.</returns>
    public static WilsonInterval Of(int passed, int trials)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(trials);
        ArgumentOutOfRangeException.ThrowIfNegative(passed);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(passed, trials);
        if (trials == 0)
        {
            return new WilsonInterval(0, 1);
        }

        double n = trials;
        double p = passed / n;
        double z2 = Z95 * Z95;
        double denominator = 1 + (z2 / n);
        double centre = (p + (z2 / (2 * n))) / denominator;
        double half = Z95 / denominator * Math.Sqrt((p * (1 - p) / n) + (z2 / (4 * n * n)));
        return new WilsonInterval(Math.Max(0, centre - half), Math.Min(1, centre + half));
    }
}
