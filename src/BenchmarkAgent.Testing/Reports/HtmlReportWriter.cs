using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

using BenchmarkAgent.Testing.Baselines;
using BenchmarkAgent.Testing.Results;

namespace BenchmarkAgent.Testing.Reports;

/// <summary>
/// Renders a run as <c>report.html</c>: one self-contained page (inline CSS, SVG and a few lines of script, no
/// request of any kind) with the pass rate per subtask and its 95% Wilson interval, the difficulty curve, judge
/// metric histograms and regressions when present, and a searchable item table. Charts and rows are rendered here
/// as SVG/HTML, so the page reads the same without script; the script only filters the table. All data is also
/// embedded as JSON in a <c>&lt;script type="application/json" id="report-data"&gt;</c> block.
/// </summary>
/// <remarks>
/// Model answers, expected answers, item ids and judge reasons are untrusted: every text is HTML-encoded, the JSON
/// block escapes <c>&lt;</c>, <c>&gt;</c> and <c>&amp;</c>, and the page's Content-Security-Policy only admits its own
/// inline style and script by hash.
/// </remarks>
internal static partial class HtmlReportWriter
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // the unsafe characters are escaped by HtmlText.EscapeJsonForScript
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    /// <summary>Renders the page for a run report.</summary>
    /// <param name="report">The run's results.</param>
    /// <returns>The complete HTML document.</returns>
    public static string Render(RunReport report) => Render(HtmlReportModel.Create(report));

    /// <summary>Renders the page for a report model.</summary>
    /// <param name="model">What to show.</param>
    /// <returns>The complete HTML document.</returns>
    public static string Render(HtmlReportModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta http-equiv=\"Content-Security-Policy\" content=\"").Append(HtmlText.Encode(HtmlReportAssets.ContentSecurityPolicy)).Append("\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>BenchmarkAgent results: ").Append(HtmlText.Encode(model.Subject)).Append("</title>\n")
            .Append("<style>").Append(HtmlReportAssets.Style).Append("</style>\n</head>\n<body>\n");
        Header(html, model);
        Regressions(html, model);
        SubtaskChart(html, model);
        DifficultyChart(html, model);
        MetricCharts(html, model);
        ItemTable(html, model);
        html.Append("<script type=\"application/json\" id=\"report-data\">")
            // A summarised page embeds the rows it shows, not all items (report.json has every item).
            .Append(HtmlText.EscapeJsonForScript(JsonSerializer.Serialize(model.Items.Count > MaxTableRows ? model with { Items = ShownRows(model) } : model, JsonOptions)))
            .Append("</script>\n<script>").Append(HtmlReportAssets.Script).Append("</script>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static void Header(StringBuilder html, HtmlReportModel model)
    {
        int scored = model.Items.Count(i => i.Passed is not null);
        int passed = model.Items.Count(i => i.Passed == true);
        int skipped = model.SkippedCount;
        html.Append("<h1>BenchmarkAgent results</h1>\n<p class=\"summary\">Subject: <code>").Append(HtmlText.Encode(model.Subject))
            .Append("</code> · <span id=\"total-items\">").Append(model.Items.Count).Append("</span> items · ")
            .Append(passed).Append(" passed of ").Append(scored).Append(" scored (").Append(HtmlText.Percent(scored == 0 ? 0 : (double)passed / scored))
            .Append(") · ").Append(model.Items.Count - scored - skipped).Append(" errors")
            .Append(skipped > 0 ? $" · <span id=\"skipped-count\">{skipped}</span> skipped (a modality the subject does not declare)" : string.Empty)
            .Append("</p>\n");
        if (model.Tokens is not null || model.JudgeTokens is not null)
        {
            html.Append("<p class=\"summary\" id=\"token-totals\">Tokens (input / output): subject ").Append(TokenText(model.Tokens))
                .Append(" · judge ").Append(TokenText(model.JudgeTokens)).Append("</p>\n");
        }
    }

    /// <summary>"1,234 / 56", or "not reported".</summary>
    private static string TokenText(Results.TokenCounts? tokens) => tokens?.InputOutputText() ?? "not reported";

    private static void Regressions(StringBuilder html, HtmlReportModel model)
    {
        if (!model.HasVerdicts && model.Gates.Count == 0)
        {
            return;
        }

        html.Append("<section id=\"regressions\">\n<h2>Regressions against the baseline</h2>\n");
        if (model.Gates.Count > 0)
        {
            html.Append("<table id=\"gate-table\"><thead><tr><th>benchmark</th><th>gate</th><th>p-value</th><th>detail</th></tr></thead><tbody>\n");
            foreach (var gate in model.Gates)
            {
                html.Append("<tr><td>").Append(HtmlText.Encode(gate.Benchmark)).Append("</td><td class=\"")
                    .Append(gate.Passed ? "gate-pass\">passed" : "gate-fail\">failed").Append("</td><td class=\"num\">")
                    .Append(gate.PValue is { } p ? p.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture) : "-")
                    .Append("</td><td>").Append(HtmlText.Encode(gate.Message)).Append("</td></tr>\n");
            }

            html.Append("</tbody></table>\n");
        }

        if (model.HasVerdicts)
        {
            var counts = Enum.GetValues<ItemVerdict>().Select(v => $"{model.Items.Count(i => i.Verdict == v)} {VerdictLabel(v)}");
            html.Append("<p class=\"note\" id=\"verdict-counts\">").Append(string.Join(" · ", counts)).Append("</p>\n");
            var regressed = model.Items.Where(i => i.Verdict == ItemVerdict.Regression).ToList();
            if (regressed.Count == 0)
            {
                html.Append("<p>No item regressed.</p>\n");
            }
            else
            {
                html.Append("<ul id=\"regression-list\">\n");
                foreach (var item in regressed)
                {
                    html.Append("<li class=\"regression\">").Append(HtmlText.Encode($"{item.Benchmark}/{item.Subtask} {item.Id}"))
                        .Append(": answered <code>").Append(HtmlText.EncodeShort(item.Error ?? item.Answer, 120))
                        .Append("</code>, expected <code>").Append(HtmlText.EncodeShort(item.Expected, 120)).Append("</code></li>\n");
                }

                html.Append("</ul>\n");
            }
        }

        html.Append("</section>\n");
    }

    private static string VerdictLabel(ItemVerdict verdict) => verdict switch
    {
        ItemVerdict.Pass => "pass",
        ItemVerdict.Fail => "fail",
        ItemVerdict.Regression => "regression",
        ItemVerdict.KnownFailure => "known failure",
        ItemVerdict.Improvement => "improvement",
        ItemVerdict.Error => "error",
        _ => verdict.ToString(),
    };
}
