namespace BenchmarkAgent.Testing.Evaluation;

/// <summary>One judge metric as it appears in test output, attachments and <c>report.json</c>.</summary>
/// <param name="Repeat">The repeat whose response was judged (0-based).</param>
/// <param name="Name">The metric name, e.g. <c>Relevance</c>.</param>
/// <param name="Value">The 1-5 score, or <see langword="null"/> when the judge's reply could not be read.</param>
/// <param name="Rating">The rating name, e.g. <c>Good</c>.</param>
/// <param name="Failed">Whether the metric failed (below 4, or unreadable).</param>
/// <param name="Reason">The judge's reason (untrusted text).</param>
/// <param name="Diagnostics">Diagnostic messages, e.g. why the reply could not be read.</param>
public sealed record MetricReport(int Repeat, string Name, double? Value, string Rating, bool Failed, string? Reason, IReadOnlyList<string> Diagnostics)
{
    /// <summary>Flattens the numeric metrics of an evaluation.</summary>
    /// <param name="repeat">The repeat judged.</param>
    /// <param name="result">The evaluation.</param>
    /// <returns>One report per numeric metric, in name order.</returns>
    public static IReadOnlyList<MetricReport> From(int repeat, EvaluationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Metrics.Values
            .OfType<NumericMetric>()
            .OrderBy(m => m.Name, StringComparer.Ordinal)
            .Select(m => new MetricReport(
                repeat,
                m.Name,
                m.Value,
                (m.Interpretation?.Rating ?? EvaluationRating.Unknown).ToString(),
                m.Interpretation?.Failed ?? false,
                m.Reason,
                m.Diagnostics.Select(d => $"{d.Severity}: {d.Message}").ToList()))
            .ToList();
    }

    /// <summary>One line for test output, e.g. <c>Relevance 4 (Good): on point</c>.</summary>
    /// <returns>The line.</returns>
    public override string ToString() =>
        $"{Name} {(Value is { } v ? v.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture) : "-")} ({Rating}{(Failed ? ", failed" : string.Empty)})" +
        (Reason is { Length: > 0 } ? ": " + Reason : string.Empty) +
        (Diagnostics.Count > 0 ? " [" + string.Join("; ", Diagnostics) + "]" : string.Empty);
}
