using System.Globalization;
using System.Text;

namespace BenchmarkAgent.Testing.Reports;

/// <summary>Renders the baseline comparison and gates of a <see cref="RunReport"/> as a Markdown section; regressions first.</summary>
internal static class BaselineMarkdown
{
    /// <summary>Appends the section to <paramref name="md"/>; appends nothing when the report has no baseline data.</summary>
    /// <param name="md">The Markdown being built.</param>
    /// <param name="report">The report.</param>
    public static void Append(StringBuilder md, RunReport report)
    {
        ArgumentNullException.ThrowIfNull(md);
        ArgumentNullException.ThrowIfNull(report);
        if (report.Baselines.Count == 0)
        {
            return;
        }

        var c = CultureInfo.InvariantCulture;
        md.Append("\n## Baselines and gates\n\n");
        md.Append("| benchmark | regressions | known failures | improvements | b / c | p-value | min score | gate |\n|---|---:|---:|---:|---:|---:|---:|---|\n");
        foreach (var summary in report.Baselines)
        {
            var gate = summary.Gate;
            string drop = gate?.Baseline is null ? "–" : string.Create(c, $"{gate.Drop.Regressions} / {gate.Drop.Improvements}");
            string p = gate?.Baseline is null ? "–" : string.Create(c, $"{gate.Drop.PValue:0.####}");
            string min = gate?.MinScore is { } m ? string.Create(c, $"{gate.Score:P1} (min {m:P1})") : "–";
            string verdict = gate is null ? "not run" : gate.GatePassed ? "pass" : "**FAIL**";
            md.Append(c, $"| **{summary.Benchmark}** | {summary.RegressionCount} | {summary.KnownFailureCount} | {summary.ImprovementCount} | {drop} | {p} | {min} | {verdict} |\n");
        }

        foreach (var summary in report.Baselines)
        {
            List(md, summary.Benchmark, "regressions", summary.Regressions);
        }

        foreach (var summary in report.Baselines)
        {
            List(md, summary.Benchmark, "known failures", summary.KnownFailures);
            List(md, summary.Benchmark, "improvements", summary.Improvements);
        }

        md.Append('\n').Append("Drop check: ").Append(Baselines.GateResult.Method).Append("; b = passed in the baseline and fails now, c = failed in the baseline and passes now.\n");
    }

    private static void List(StringBuilder md, string benchmark, string label, IReadOnlyList<string> ids)
    {
        if (ids.Count > 0)
        {
            md.Append('\n').Append(benchmark).Append(' ').Append(label).Append(": ").AppendJoin(", ", ids.Select(id => "`" + id + "`")).Append('\n');
        }
    }
}
