using BenchmarkAgent.Testing.Evaluation;

namespace BenchmarkAgent.Testing.Reports;

/// <summary>One metric of one item (the rubric judge's or a project evaluator's), as shown in the HTML report.</summary>
/// <param name="Name">The metric's name (e.g. <c>Coherence</c>).</param>
/// <param name="Value">The number of a score (1 worst to 5 best) or numeric metric; <see langword="null"/> for other kinds or when there is none.</param>
/// <param name="Rating">The interpretation's rating word (e.g. <c>Good</c>); may be empty.</param>
/// <param name="Reason">The evaluator's reason (for the judge: untrusted model text; encoded when rendered), if any.</param>
internal sealed record HtmlMetric(string Name, double? Value, string Rating, string? Reason)
{
    /// <summary>What kind of value the metric holds; decides its chart (1-5 bins, value ranges, true/false, or none for text).</summary>
    public MetricKind Kind { get; init; } = MetricKind.Score;

    /// <summary>The value of a boolean metric; otherwise <see langword="null"/>.</summary>
    public bool? BooleanValue { get; init; }

    /// <summary>The value of a string metric (untrusted text; encoded when rendered); otherwise <see langword="null"/>.</summary>
    public string? StringValue { get; init; }

    /// <summary>The value as the item table shows it: the number, <c>true</c>/<c>false</c>, the text, or <c>-</c>.</summary>
    public string ValueText => Kind switch
    {
        MetricKind.Boolean => BooleanValue is { } flag ? (flag ? "true" : "false") : "-",
        MetricKind.String => StringValue ?? "-",
        _ => Value is { } value ? HtmlText.Number(value) : "-",
    };

    /// <summary>Shows a reported metric.</summary>
    /// <param name="metric">The metric as <c>report.json</c> holds it.</param>
    /// <returns>The HTML metric.</returns>
    public static HtmlMetric From(MetricReport metric)
    {
        ArgumentNullException.ThrowIfNull(metric);
        return new HtmlMetric(metric.Name, metric.Value, metric.Rating, metric.Reason)
        {
            Kind = metric.Kind,
            BooleanValue = metric.BooleanValue,
            StringValue = metric.StringValue,
        };
    }
}
