using BenchmarkAgent.Testing.Evaluation;

namespace BenchmarkAgent.Testing.Reports;

/// <summary>
/// A numeric metric (a judge score or a project evaluator's number) over a group of items (a benchmark or a subtask):
/// how many values it had, their mean, smallest and largest, and how many its interpretation failed.
/// </summary>
/// <param name="Name">The metric's name.</param>
/// <param name="Count">How many values were counted (every repeat of every item that had one).</param>
/// <param name="Mean">Their mean.</param>
/// <param name="Min">The smallest.</param>
/// <param name="Max">The largest.</param>
/// <param name="Failed">How many of the group's values of this metric (counted or not) its interpretation failed.</param>
internal sealed record MetricSummary(string Name, int Count, double Mean, double Min, double Max, int Failed)
{
    /// <summary>Summarises the numeric metrics of a group, one summary per name in name order; metrics of other kinds are left out.</summary>
    /// <param name="metrics">Every metric of the group's items.</param>
    /// <returns>The summaries.</returns>
    public static IReadOnlyList<MetricSummary> Of(IEnumerable<MetricReport> metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        return metrics
            .Where(m => m.Kind is MetricKind.Score or MetricKind.Numeric)
            .GroupBy(m => m.Name, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g =>
            {
                var values = g.Select(m => m.Value).OfType<double>().Where(double.IsFinite).ToList();
                int failed = g.Count(m => m.Failed);
                return values.Count == 0
                    ? new MetricSummary(g.Key, 0, 0, 0, 0, failed)
                    : new MetricSummary(g.Key, values.Count, values.Average(), values.Min(), values.Max(), failed);
            })
            .ToList();
    }
}
