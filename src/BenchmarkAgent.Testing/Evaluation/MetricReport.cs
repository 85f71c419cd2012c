using System.Globalization;
using System.Text.Json.Serialization;
using Microsoft.Extensions.AI.Evaluation;

namespace BenchmarkAgent.Testing.Evaluation;

/// <summary>
/// One metric of one evaluator, as it appears in test output, attachments and <c>report.json</c>: the rubric judge's
/// 1-5 scores and the numeric, boolean and string metrics of the project's own evaluators alike.
/// </summary>
/// <param name="Repeat">The repeat whose response was evaluated (0-based).</param>
/// <param name="Name">The metric name, e.g. <c>Relevance</c>.</param>
/// <param name="Value">
/// The number, for <see cref="MetricKind.Score"/> (1-5) and <see cref="MetricKind.Numeric"/> metrics; <see langword="null"/>
/// for other kinds, or when the judge's reply could not be read.
/// </param>
/// <param name="Rating">The interpretation's rating name, e.g. <c>Good</c> (<c>Unknown</c> when the evaluator gave none).</param>
/// <param name="Failed">Whether the interpretation fails the metric (for the rubric: below 4, or unreadable).</param>
/// <param name="Reason">The evaluator's reason (for the judge: untrusted model text).</param>
/// <param name="Diagnostics">Diagnostic messages, e.g. why the reply could not be read or why the evaluator failed.</param>
internal sealed record MetricReport(int Repeat, string Name, double? Value, string Rating, bool Failed, string? Reason, IReadOnlyList<string> Diagnostics)
{
    /// <summary>What kind of value the metric holds.</summary>
    public MetricKind Kind { get; init; } = MetricKind.Score;

    /// <summary>The value of a <see cref="MetricKind.Boolean"/> metric; otherwise <see langword="null"/> (and left out of the JSON).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? BooleanValue { get; init; }

    /// <summary>The value of a <see cref="MetricKind.String"/> metric; otherwise <see langword="null"/> (and left out of the JSON).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? StringValue { get; init; }

    /// <summary>Whether an error diagnostic is attached (the metric could not be computed as intended).</summary>
    public bool HasError { get; init; }

    /// <summary>Flattens every metric of an evaluation, whatever its kind.</summary>
    /// <param name="repeat">The repeat evaluated.</param>
    /// <param name="result">The evaluation.</param>
    /// <returns>One report per metric, in name order.</returns>
    public static IReadOnlyList<MetricReport> From(int repeat, EvaluationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Metrics.Values
            .OrderBy(m => m.Name, StringComparer.Ordinal)
            .Select(m => From(repeat, m))
            .ToList();
    }

    /// <summary>Reports one metric.</summary>
    /// <param name="repeat">The repeat evaluated.</param>
    /// <param name="metric">The metric.</param>
    /// <returns>The report.</returns>
    public static MetricReport From(int repeat, EvaluationMetric metric)
    {
        ArgumentNullException.ThrowIfNull(metric);
        var diagnostics = metric.Diagnostics ?? [];
        var report = new MetricReport(
            repeat,
            metric.Name,
            (metric as NumericMetric)?.Value,
            (metric.Interpretation?.Rating ?? EvaluationRating.Unknown).ToString(),
            metric.Interpretation?.Failed ?? false,
            metric.Reason,
            diagnostics.Select(d => $"{d.Severity}: {d.Message}").ToList())
        {
            HasError = diagnostics.Any(d => d.Severity == EvaluationDiagnosticSeverity.Error),
        };
        return metric switch
        {
            NumericMetric when RubricMetric.All.Any(r => r.Name == metric.Name) => report with { Kind = MetricKind.Score },
            NumericMetric => report with { Kind = MetricKind.Numeric },
            BooleanMetric boolean => report with { Kind = MetricKind.Boolean, BooleanValue = boolean.Value },
            StringMetric text => report with { Kind = MetricKind.String, StringValue = text.Value },
            _ => report with { Kind = MetricKind.None },
        };
    }

    /// <summary>The value as text: a number, <c>true</c>/<c>false</c>, the string, or <c>-</c> when there is none.</summary>
    /// <returns>The text.</returns>
    public string ValueText() => Kind switch
    {
        MetricKind.Boolean => BooleanValue is { } flag ? (flag ? "true" : "false") : "-",
        MetricKind.String => StringValue ?? "-",
        _ => Value is { } v ? v.ToString("0.###", CultureInfo.InvariantCulture) : "-",
    };

    /// <summary>One line for test output, e.g. <c>Relevance 4 (Good): on point</c>.</summary>
    /// <returns>The line.</returns>
    public override string ToString() =>
        $"{Name} {ValueText()} ({Rating}{(Failed ? ", failed" : string.Empty)})" +
        (Reason is { Length: > 0 } ? ": " + Reason : string.Empty) +
        (Diagnostics.Count > 0 ? " [" + string.Join("; ", Diagnostics) + "]" : string.Empty);
}
