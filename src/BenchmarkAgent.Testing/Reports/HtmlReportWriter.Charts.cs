using System.Text;

namespace BenchmarkAgent.Testing.Reports;

/// <summary>The SVG charts of the HTML report.</summary>
internal static partial class HtmlReportWriter
{
    private const double PlotLeft = 270;
    private const double PlotWidth = 400;
    private const int MaxLabelLength = 40;
    private static readonly string[] Palette = ["#1976d2", "#d32f2f", "#388e3c", "#f57c00", "#7b1fa2", "#0097a7", "#5d4037", "#c2185b"];

    private static void SubtaskChart(StringBuilder html, HtmlReportModel model)
    {
        const double rowHeight = 26;
        const double top = 24;
        double height = top + (model.Subtasks.Count * rowHeight) + 8;
        html.Append("<section id=\"subtasks\">\n<h2>Pass rate per subtask</h2>\n")
            .Append("<p class=\"note\">Bars: items passed / items scored (calls that failed are not scored). Whiskers: 95% Wilson score interval.</p>\n")
            .Append("<svg id=\"subtask-chart\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"960\" height=\"").Append(HtmlText.Number(height))
            .Append("\" viewBox=\"0 0 960 ").Append(HtmlText.Number(height)).Append("\" aria-label=\"Pass rate per subtask\">\n");
        PercentAxis(html, top - 6, height - 4);
        for (int i = 0; i < model.Subtasks.Count; i++)
        {
            var rate = model.Subtasks[i];
            double y = top + (i * rowHeight);
            var interval = rate.Interval;
            double low = X(interval.Low), high = X(interval.High), mid = y + 8;
            html.Append("<g class=\"subtask-bar\" data-label=\"").Append(HtmlText.Encode(rate.Label))
                .Append("\" data-rate=\"").Append(HtmlText.Number(rate.Rate * 100)).Append("\" data-low=\"").Append(HtmlText.Number(interval.Low * 100))
                .Append("\" data-high=\"").Append(HtmlText.Number(interval.High * 100)).Append("\">")
                .Append("<title>").Append(HtmlText.Encode(Describe(rate))).Append("</title>")
                .Append("<text class=\"label\" x=\"").Append(HtmlText.Number(PlotLeft - 8)).Append("\" y=\"").Append(HtmlText.Number(mid + 4))
                .Append("\" text-anchor=\"end\">").Append(HtmlText.Encode(Shorten(rate.Label))).Append("</text>")
                .Append("<rect class=\"bar\" x=\"").Append(HtmlText.Number(PlotLeft)).Append("\" y=\"").Append(HtmlText.Number(y))
                .Append("\" width=\"").Append(HtmlText.Number(rate.Rate * PlotWidth)).Append("\" height=\"16\"/>");
            Whisker(html, low, high, mid, horizontal: true);
            html.Append("<text class=\"value\" x=\"").Append(HtmlText.Number(PlotLeft + PlotWidth + 10)).Append("\" y=\"").Append(HtmlText.Number(mid + 4))
                .Append("\">").Append(HtmlText.Encode($"{HtmlText.Percent(rate.Rate)} ({rate.Passed}/{rate.Scored}) [{HtmlText.Percent(interval.Low)}, {HtmlText.Percent(interval.High)}]"))
                .Append("</text></g>\n");
        }

        html.Append("</svg>\n");
        PassAtKTable(html, model);
        html.Append("</section>\n");
    }

    /// <summary>With repeats: items passed by majority next to pass@k, per subtask.</summary>
    private static void PassAtKTable(StringBuilder html, HtmlReportModel model)
    {
        int k = model.Repeats;
        if (k <= 1)
        {
            return;
        }

        html.Append("<p class=\"note\">Every item was asked ").Append(k).Append(" times: it passes on a majority of its repeats; pass@")
            .Append(k).Append(" counts items that passed at least once.</p>\n")
            .Append("<table id=\"passk-table\"><thead><tr><th>subtask</th><th>items</th><th>passed (majority of ").Append(k)
            .Append(")</th><th>pass@").Append(k).Append("</th></tr></thead><tbody>\n");
        foreach (var rate in model.Subtasks)
        {
            html.Append("<tr><td>").Append(HtmlText.Encode(rate.Label)).Append("</td><td class=\"num\">").Append(rate.Items)
                .Append("</td><td class=\"num\">").Append(rate.Passed).Append("</td><td class=\"num passk\">").Append(rate.PassAtK).Append("</td></tr>\n");
        }

        html.Append("</tbody></table>\n");
    }

    private static void DifficultyChart(StringBuilder html, HtmlReportModel model)
    {
        const double left = 60, top = 20, plotHeight = 220, width = 620;
        var levels = model.Difficulties.SelectMany(s => s.Points.Select(p => p.Label)).Distinct(StringComparer.Ordinal)
            .OrderBy(HtmlReportModel.DifficultyRank).ThenBy(l => l, StringComparer.Ordinal).ToList();
        const double inset = 50; // keeps the outer points' whiskers and labels clear of the axis
        double step = levels.Count <= 1 ? 0 : (width - (2 * inset)) / (levels.Count - 1);
        double XOf(string level) => left + (levels.Count <= 1 ? width / 2 : inset + (levels.IndexOf(level) * step));
        double YOf(double rate) => top + ((1 - rate) * plotHeight);
        double legendTop = top + plotHeight + 40;
        double height = legendTop + (model.Difficulties.Count * 18) + 8;

        html.Append("<section id=\"difficulty\">\n<h2>Difficulty curve</h2>\n")
            .Append("<p class=\"note\">Pass rate per difficulty, one line per benchmark; whiskers: 95% Wilson score interval.</p>\n")
            .Append("<svg id=\"difficulty-chart\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"760\" height=\"").Append(HtmlText.Number(height))
            .Append("\" viewBox=\"0 0 760 ").Append(HtmlText.Number(height)).Append("\" aria-label=\"Pass rate per difficulty\">\n");
        for (int tick = 0; tick <= 4; tick++)
        {
            double y = YOf(tick / 4.0);
            html.Append("<line class=\"grid\" x1=\"").Append(HtmlText.Number(left)).Append("\" x2=\"").Append(HtmlText.Number(left + width))
                .Append("\" y1=\"").Append(HtmlText.Number(y)).Append("\" y2=\"").Append(HtmlText.Number(y)).Append("\"/>")
                .Append("<text class=\"axis\" x=\"").Append(HtmlText.Number(left - 8)).Append("\" y=\"").Append(HtmlText.Number(y + 4))
                .Append("\" text-anchor=\"end\">").Append(tick * 25).Append("%</text>\n");
        }

        foreach (string level in levels)
        {
            html.Append("<text class=\"axis difficulty-level\" x=\"").Append(HtmlText.Number(XOf(level))).Append("\" y=\"").Append(HtmlText.Number(top + plotHeight + 20))
                .Append("\" text-anchor=\"middle\">").Append(HtmlText.Encode(level)).Append("</text>\n");
        }

        for (int s = 0; s < model.Difficulties.Count; s++)
        {
            var series = model.Difficulties[s];
            string colour = Palette[s % Palette.Length];
            html.Append("<g class=\"difficulty-series\" data-benchmark=\"").Append(HtmlText.Encode(series.Benchmark)).Append("\" stroke=\"").Append(colour)
                .Append("\" fill=\"").Append(colour).Append("\">");
            string points = string.Join(" ", series.Points.Select(p => HtmlText.Number(XOf(p.Label)) + "," + HtmlText.Number(YOf(p.Rate))));
            html.Append("<polyline fill=\"none\" stroke-width=\"2\" points=\"").Append(points).Append("\"/>\n");
            foreach (var point in series.Points)
            {
                double x = XOf(point.Label) + ((s - ((model.Difficulties.Count - 1) / 2.0)) * 4); // small offset so whiskers do not overlap
                html.Append("<g class=\"difficulty-point\" data-difficulty=\"").Append(HtmlText.Encode(point.Label)).Append("\" data-rate=\"")
                    .Append(HtmlText.Number(point.Rate * 100)).Append("\"><title>").Append(HtmlText.Encode($"{series.Benchmark} {Describe(point)}")).Append("</title>");
                Whisker(html, YOf(point.Interval.High), YOf(point.Interval.Low), x, horizontal: false);
                html.Append("<circle cx=\"").Append(HtmlText.Number(x)).Append("\" cy=\"").Append(HtmlText.Number(YOf(point.Rate))).Append("\" r=\"4\"/></g>\n");
            }

            double ly = legendTop + (s * 18);
            html.Append("<rect x=\"").Append(HtmlText.Number(left)).Append("\" y=\"").Append(HtmlText.Number(ly - 9)).Append("\" width=\"12\" height=\"10\"/>")
                .Append("<text class=\"legend\" stroke=\"none\" fill=\"#222\" x=\"").Append(HtmlText.Number(left + 18)).Append("\" y=\"").Append(HtmlText.Number(ly))
                .Append("\">").Append(HtmlText.Encode(Shorten(series.Benchmark))).Append("</text></g>\n");
        }

        html.Append("</svg>\n</section>\n");
    }

    private static void MetricCharts(StringBuilder html, HtmlReportModel model)
    {
        if (model.Metrics.Count == 0)
        {
            return;
        }

        html.Append("<section id=\"metrics\">\n<h2>Metrics</h2>\n<p class=\"note\">How often each metric took each value: LLM-as-judge scores from 1 (worst) to 5 (best), ")
            .Append("other numbers in five ranges from their smallest to their largest value, yes/no metrics as false and true.</p>\n<div class=\"metrics\">\n");
        foreach (var metric in model.Metrics)
        {
            const double plotWidth = 220, gap = 8, left = 10, top = 30, plotHeight = 110;
            int bins = metric.Counts.Count;
            double barWidth = (plotWidth - (gap * (bins - 1))) / bins;
            int max = Math.Max(1, metric.Counts.Max());
            string summary = metric.Kind == Evaluation.MetricKind.Boolean
                ? $" (true {metric.Counts[^1]} of {metric.Total})"
                : $" (mean {metric.Mean:0.00}, n={metric.Total})";
            html.Append("<svg class=\"metric-chart\" data-metric=\"").Append(HtmlText.Encode(metric.Name))
                .Append("\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"240\" height=\"170\" viewBox=\"0 0 240 170\">")
                .Append("<text x=\"10\" y=\"16\" font-weight=\"600\">").Append(HtmlText.Encode(Shorten(metric.Name)))
                .Append(HtmlText.Encode(summary)).Append("</text>\n");
            for (int v = 0; v < bins; v++)
            {
                int count = metric.Counts[v];
                string label = metric.Labels[v];
                double h = count * plotHeight / max, x = left + (v * (barWidth + gap)), y = top + plotHeight - h;
                html.Append("<g class=\"metric-bin\" data-value=\"").Append(HtmlText.Encode(label)).Append("\" data-count=\"").Append(count).Append("\">")
                    .Append("<title>").Append(HtmlText.Encode($"{metric.Name} {label}: {count}")).Append("</title>")
                    .Append("<rect class=\"metric-bar\" x=\"").Append(HtmlText.Number(x)).Append("\" y=\"").Append(HtmlText.Number(y))
                    .Append("\" width=\"").Append(HtmlText.Number(barWidth)).Append("\" height=\"").Append(HtmlText.Number(h)).Append("\"/>")
                    .Append("<text x=\"").Append(HtmlText.Number(x + (barWidth / 2))).Append("\" y=\"").Append(HtmlText.Number(y - 3))
                    .Append("\" text-anchor=\"middle\">").Append(count).Append("</text>")
                    .Append("<text class=\"axis\" x=\"").Append(HtmlText.Number(x + (barWidth / 2))).Append("\" y=\"").Append(HtmlText.Number(top + plotHeight + 16))
                    .Append("\" text-anchor=\"middle\">").Append(HtmlText.Encode(label)).Append("</text></g>\n");
            }

            html.Append("</svg>\n");
        }

        html.Append("</div>\n</section>\n");
    }

    private static void PercentAxis(StringBuilder html, double top, double bottom)
    {
        for (int tick = 0; tick <= 4; tick++)
        {
            double x = X(tick / 4.0);
            html.Append("<line class=\"grid\" x1=\"").Append(HtmlText.Number(x)).Append("\" x2=\"").Append(HtmlText.Number(x))
                .Append("\" y1=\"").Append(HtmlText.Number(top)).Append("\" y2=\"").Append(HtmlText.Number(bottom)).Append("\"/>")
                .Append("<text class=\"axis\" x=\"").Append(HtmlText.Number(x)).Append("\" y=\"").Append(HtmlText.Number(top - 4))
                .Append("\" text-anchor=\"middle\">").Append(tick * 25).Append("%</text>\n");
        }
    }

    /// <summary>An interval line with end caps, from <paramref name="from"/> to <paramref name="to"/> at <paramref name="at"/>.</summary>
    private static void Whisker(StringBuilder html, double from, double to, double at, bool horizontal)
    {
        string Line(string cssClass, double a1, double a2, double b1, double b2) => horizontal
            ? $"<line class=\"{cssClass}\" x1=\"{HtmlText.Number(a1)}\" x2=\"{HtmlText.Number(a2)}\" y1=\"{HtmlText.Number(b1)}\" y2=\"{HtmlText.Number(b2)}\"/>"
            : $"<line class=\"{cssClass}\" x1=\"{HtmlText.Number(b1)}\" x2=\"{HtmlText.Number(b2)}\" y1=\"{HtmlText.Number(a1)}\" y2=\"{HtmlText.Number(a2)}\"/>";
        html.Append(Line("ci", from, to, at, at))
            .Append(Line("ci-cap", from, from, at - 5, at + 5))
            .Append(Line("ci-cap", to, to, at - 5, at + 5));
    }

    private static double X(double rate) => PlotLeft + (rate * PlotWidth);

    private static string Shorten(string label) => label.Length <= MaxLabelLength ? label : string.Concat(label.AsSpan(0, MaxLabelLength - 1), "…");

    private static string Describe(HtmlPassRate rate) =>
        $"{rate.Label}: {rate.Passed} of {rate.Scored} scored items passed ({HtmlText.Percent(rate.Rate)}), 95% Wilson interval {HtmlText.Percent(rate.Interval.Low)} to {HtmlText.Percent(rate.Interval.High)}, {rate.Items - rate.Scored} errors";
}
