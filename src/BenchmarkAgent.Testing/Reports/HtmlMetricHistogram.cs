namespace BenchmarkAgent.Testing.Reports;

/// <summary>How often a judge metric took each value from 1 to 5 over a run.</summary>
/// <param name="Name">The metric's name.</param>
/// <param name="Counts">Five counts: index 0 for the value 1 up to index 4 for the value 5.</param>
public sealed record HtmlMetricHistogram(string Name, IReadOnlyList<int> Counts)
{
    /// <summary>The number of values counted.</summary>
    public int Total => Counts.Sum();

    /// <summary>The mean of the binned values (1 to 5); 0 when nothing was counted.</summary>
    public double Mean => Total == 0 ? 0 : Counts.Select((c, i) => c * (i + 1.0)).Sum() / Total;

    /// <summary>The bin of a value from 1 to 5: the nearest whole score (halves round up, so 4.5 counts as 5).</summary>
    /// <param name="value">A judge score from 1 to 5.</param>
    /// <returns>1 to 5.</returns>
    public static int Bin(double value) => (int)Math.Clamp(Math.Round(value, MidpointRounding.AwayFromZero), 1, 5);
}
