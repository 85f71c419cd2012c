using BenchmarkAgent.Testing.Evaluation;

namespace BenchmarkAgent.Testing.Reports;

/// <summary>
/// How often a metric took each value over a run: a judge score from 1 to 5 in five bins; any other number in five
/// equal ranges from its smallest to its largest value (one bin when they are equal); a boolean as false and true.
/// String metrics get no histogram (the item table shows them).
/// </summary>
/// <param name="Name">The metric's name.</param>
/// <param name="Counts">One count per bin, in <see cref="Labels"/> order (for scores: index 0 for the value 1 up to index 4 for the value 5).</param>
internal sealed record HtmlMetricHistogram(string Name, IReadOnlyList<int> Counts)
{
    private static readonly string[] ScoreLabels = ["1", "2", "3", "4", "5"];
    private readonly double? _mean;

    /// <summary>The kind of the metric's values.</summary>
    public MetricKind Kind { get; init; } = MetricKind.Score;

    /// <summary>The bins' labels (for scores <c>1</c> to <c>5</c>; for other numbers the range, e.g. <c>2-4</c>; for booleans <c>false</c>, <c>true</c>).</summary>
    public IReadOnlyList<string> Labels { get; init; } = ScoreLabels;

    /// <summary>The number of values counted.</summary>
    public int Total => Counts.Sum();

    /// <summary>
    /// The mean: for scores, of the binned values (1 to 5); for other numbers, of the values themselves; for booleans,
    /// the share that were true. 0 when nothing was counted.
    /// </summary>
    public double Mean
    {
        get => _mean ?? (Total == 0 ? 0 : Counts.Select((c, i) => c * (i + 1.0)).Sum() / Total);
        init => _mean = value;
    }

    /// <summary>The bin of a value from 1 to 5: the nearest whole score (halves round up, so 4.5 counts as 5).</summary>
    /// <param name="value">A judge score from 1 to 5.</param>
    /// <returns>1 to 5.</returns>
    public static int Bin(double value) => (int)Math.Clamp(Math.Round(value, MidpointRounding.AwayFromZero), 1, 5);

    /// <summary>The histogram of one metric's values over a run, or <see langword="null"/> when it has none to chart.</summary>
    /// <param name="name">The metric's name.</param>
    /// <param name="metrics">Its values, one per item and repeat (the first one's kind decides the chart).</param>
    /// <returns>The histogram, or <see langword="null"/> for string metrics and when no value can be counted (scores outside 1-5 are left out).</returns>
    public static HtmlMetricHistogram? Of(string name, IReadOnlyList<HtmlMetric> metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        var kind = metrics.Count == 0 ? MetricKind.None : metrics[0].Kind;
        switch (kind)
        {
            case MetricKind.Score:
                var scores = metrics.Where(m => m.Value is >= 1 and <= 5).Select(m => m.Value!.Value).ToList();
                return scores.Count == 0 ? null : new HtmlMetricHistogram(name, Enumerable.Range(1, 5).Select(v => scores.Count(s => Bin(s) == v)).ToList());
            case MetricKind.Numeric:
                return Ranges(name, metrics.Select(m => m.Value).OfType<double>().Where(double.IsFinite).ToList());
            case MetricKind.Boolean:
                var flags = metrics.Select(m => m.BooleanValue).OfType<bool>().ToList();
                return flags.Count == 0 ? null : new HtmlMetricHistogram(name, [flags.Count(f => !f), flags.Count(f => f)])
                {
                    Kind = MetricKind.Boolean,
                    Labels = ["false", "true"],
                    Mean = flags.Count(f => f) / (double)flags.Count,
                };
            default:
                return null;
        }
    }

    private static HtmlMetricHistogram? Ranges(string name, IReadOnlyList<double> values)
    {
        if (values.Count == 0)
        {
            return null;
        }

        double min = values.Min(), max = values.Max();
        if (min == max)
        {
            return new HtmlMetricHistogram(name, [values.Count]) { Kind = MetricKind.Numeric, Labels = [HtmlText.Number(min)], Mean = min };
        }

        const int bins = 5;
        double width = (max - min) / bins;
        var counts = new int[bins];
        foreach (double value in values)
        {
            counts[Math.Min(bins - 1, (int)((value - min) / width))]++;
        }

        return new HtmlMetricHistogram(name, counts)
        {
            Kind = MetricKind.Numeric,
            Labels = Enumerable.Range(0, bins).Select(i => $"{HtmlText.Number(min + (i * width))}-{HtmlText.Number(min + ((i + 1) * width))}").ToList(),
            Mean = values.Average(),
        };
    }
}
