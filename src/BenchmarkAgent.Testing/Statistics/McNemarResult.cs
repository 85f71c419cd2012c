namespace BenchmarkAgent.Testing.Statistics;

/// <summary>The outcome of an exact McNemar test over paired pass/fail outcomes.</summary>
/// <param name="Regressions">Discordant pairs that passed before and fail now (<c>b</c>).</param>
/// <param name="Improvements">Discordant pairs that failed before and pass now (<c>c</c>).</param>
/// <param name="PValue">The exact two-sided p-value: the probability, if before and now were equally good, of a split of the <c>b + c</c> discordant pairs at least as uneven as the one seen.</param>
internal sealed record McNemarResult(int Regressions, int Improvements, double PValue)
{
    /// <summary>The number of discordant pairs (<c>b + c</c>): the only pairs the test looks at.</summary>
    public int Discordant => Regressions + Improvements;
}
