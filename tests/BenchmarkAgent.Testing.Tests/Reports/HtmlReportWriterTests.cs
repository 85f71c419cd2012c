using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using BenchmarkAgent.Testing.Evaluation;
using BenchmarkAgent.Testing.Reports;

using BenchmarkAgent.Testing.Baselines;
using BenchmarkAgent.Testing.Running;
using BenchmarkAgent.Testing.Results;

namespace BenchmarkAgent.Testing.Tests.Reports;

public sealed class HtmlReportWriterTests
{
    private const string DataOpen = "<script type=\"application/json\" id=\"report-data\">";

    [Fact]
    public void A_script_injection_in_an_answer_is_inert_in_the_table_and_in_the_json_block()
    {
        string html = HtmlReportWriter.Render(ReportSamples.Run());

        // Only the page's own two script elements exist, and neither the injected markup nor a comment opener survives raw.
        Assert.Equal(2, Regex.Count(html, "<script", RegexOptions.IgnoreCase));
        Assert.Equal(2, Regex.Count(html, "</script", RegexOptions.IgnoreCase));
        Assert.DoesNotContain("alert(1)</script>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<!--", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
        // The table shows the text, encoded.
        Assert.Contains("&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;!--&lt;img src=x onerror=alert(2)&gt;", html, StringComparison.Ordinal);
        // The JSON block still carries the exact answer.
        using var data = JsonDocument.Parse(DataBlock(html));
        var item = data.RootElement.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetString() == "m1");
        Assert.Equal(ReportSamples.Injection, item.GetProperty("answer").GetString());
    }

    [Fact]
    public void Subtask_bars_show_the_pass_rate_and_the_wilson_interval()
    {
        string html = HtmlReportWriter.Render(ReportSamples.Run());

        Assert.Contains("<g class=\"subtask-bar\" data-label=\"arith/add\" data-rate=\"62.5\" data-low=\"30.57\" data-high=\"86.32\">", html, StringComparison.Ordinal);
        Assert.Contains(">62.5% (5/8) [30.6%, 86.3%]</text>", html, StringComparison.Ordinal);
        Assert.Contains(">33.3% (1/3) [6.1%, 79.2%]</text>", html, StringComparison.Ordinal);
        Assert.Contains(">100.0% (2/2) [34.2%, 100.0%]</text>", html, StringComparison.Ordinal);
        Assert.Equal(3, Regex.Count(html, "<g class=\"subtask-bar\""));
        // Each bar has one whisker with two caps.
        Assert.Equal(3, Regex.Count(Section(html, "subtasks"), "class=\"ci\""));
        Assert.Equal(6, Regex.Count(Section(html, "subtasks"), "class=\"ci-cap\""));
        // The bar of 62.5% is 62.5% of the 400-unit plot.
        Assert.Contains("width=\"250\" height=\"16\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_difficulty_curve_has_a_point_per_benchmark_and_difficulty()
    {
        string section = Section(HtmlReportWriter.Render(ReportSamples.Run()), "difficulty");

        Assert.Equal(["easy", "medium", "hard"], Regex.Matches(section, "class=\"axis difficulty-level\"[^>]*>([^<]+)<").Select(m => m.Groups[1].Value));
        Assert.Contains("<g class=\"difficulty-point\" data-difficulty=\"easy\" data-rate=\"75\">", section, StringComparison.Ordinal);
        Assert.Contains("<g class=\"difficulty-point\" data-difficulty=\"hard\" data-rate=\"33.33\">", section, StringComparison.Ordinal);
        Assert.Equal(4, Regex.Count(section, "<g class=\"difficulty-point\""));
        Assert.Equal(2, Regex.Count(section, "<g class=\"difficulty-series\""));
    }

    [Fact]
    public void The_item_table_has_one_row_per_item_with_every_column()
    {
        string section = Section(HtmlReportWriter.Render(ReportSamples.Run()), "items");

        Assert.Equal(14, Regex.Count(section, "<tr class=\"(pass|fail|error)\">"));
        Assert.Contains("<th>benchmark</th><th>subtask</th><th>id</th><th>difficulty</th><th>score / pass</th><th>answer</th><th>expected</th><th>latency (ms)</th>", section, StringComparison.Ordinal);
        Assert.Contains("<tr class=\"pass\"><td>arith</td><td>add</td><td><code>a0</code></td><td>easy</td><td class=\"outcome num\">1 pass</td><td class=\"text\">42</td><td class=\"text\">42</td><td class=\"num\">100</td></tr>", section, StringComparison.Ordinal);
        Assert.Contains("<tr class=\"error\"><td>arith</td><td>mul</td><td><code>m3</code></td><td>hard</td><td class=\"outcome num\">error</td><td class=\"text\">error: HttpRequestException: boom</td>", section, StringComparison.Ordinal);
        Assert.Contains("<input id=\"filter\" type=\"search\"", section, StringComparison.Ordinal);
    }

    [Fact]
    public void The_page_loads_nothing_and_admits_only_its_own_inline_style_and_script()
    {
        string html = HtmlReportWriter.Render(ReportSamples.Run());

        Assert.DoesNotMatch(new Regex("<[a-z]+[^>]*\\s(src|href|srcset|action)=", RegexOptions.IgnoreCase), html);
        Assert.DoesNotContain("url(", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@import", html, StringComparison.OrdinalIgnoreCase);
        Assert.All(Regex.Matches(html, "[a-z]+://[^\"\\s]*").Select(m => m.Value), url => Assert.Equal("http://www.w3.org/2000/svg", url));
        string script = Regex.Match(html, "<script>(.*?)</script>", RegexOptions.Singleline).Groups[1].Value;
        string style = Regex.Match(html, "<style>(.*?)</style>", RegexOptions.Singleline).Groups[1].Value;
        string csp = Regex.Match(html, "http-equiv=\"Content-Security-Policy\" content=\"([^\"]+)\"").Groups[1].Value;
        Assert.StartsWith("default-src &#39;none&#39;;", csp, StringComparison.Ordinal);
        Assert.Contains($"script-src &#39;sha256-{Sha256(script)}&#39;", csp, StringComparison.Ordinal);
        Assert.Contains($"style-src &#39;sha256-{Sha256(style)}&#39;", csp, StringComparison.Ordinal);
    }

    [Fact]
    public void Sections_for_judge_metrics_and_regressions_are_left_out_without_data()
    {
        string html = HtmlReportWriter.Render(ReportSamples.Run());

        Assert.DoesNotContain("id=\"metrics\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"regressions\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<th>verdict</th>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<th>metrics</th>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"token-totals\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<th>tokens (in / out)</th>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Tokens_get_totals_in_the_header_and_a_table_column_when_the_endpoints_reported_them()
    {
        HtmlItemRow[] items =
        [
            HtmlReportModelTests.Row("i0") with { Tokens = new TokenCounts(1200, 30), JudgeTokens = new TokenCounts(500, 40) },
            HtmlReportModelTests.Row("i1") with { Tokens = new TokenCounts(800, 20) },
            HtmlReportModelTests.Row("i2"), // this answer came without usage
        ];

        var model = HtmlReportModel.FromItems("s", items, []);
        string html = HtmlReportWriter.Render(model);

        Assert.Equal(new TokenCounts(2000, 50), model.Tokens);
        Assert.Equal(new TokenCounts(500, 40), model.JudgeTokens);
        Assert.Contains("<p class=\"summary\" id=\"token-totals\">Tokens (input / output): subject 2,000 / 50 · judge 500 / 40</p>", html, StringComparison.Ordinal);
        string section = Section(html, "items");
        Assert.Contains("<th>latency (ms)</th><th>tokens (in / out)</th></tr>", section, StringComparison.Ordinal);
        Assert.Contains("<td class=\"num\">10</td><td class=\"num tokens\">1,200 / 30</td></tr>", section, StringComparison.Ordinal);
        Assert.Contains("<td class=\"num\">10</td><td class=\"num tokens\">-</td></tr>", section, StringComparison.Ordinal);
    }

    [Fact]
    public void Judge_metrics_render_a_histogram_per_metric_and_a_table_column()
    {
        var items = new[] { 5, 4, 4, 1 }
            .Select((value, i) => HtmlReportModelTests.Row($"i{i}", metrics: [new HtmlMetric("Coherence", value, "good", "reason \"<b>" + i)]))
            .ToList();

        string html = HtmlReportWriter.Render(HtmlReportModel.FromItems("s", items, []));

        string section = Section(html, "metrics");
        Assert.Contains("data-metric=\"Coherence\"", section, StringComparison.Ordinal);
        Assert.Contains("(mean 3.50, n=4)", section, StringComparison.Ordinal);
        Assert.Equal(["1:1", "2:0", "3:0", "4:2", "5:1"], Regex.Matches(section, "data-value=\"(\\d)\" data-count=\"(\\d+)\"").Select(m => $"{m.Groups[1].Value}:{m.Groups[2].Value}"));
        Assert.Contains("<th>metrics</th>", html, StringComparison.Ordinal);
        Assert.Contains("<div title=\"reason &quot;&lt;b&gt;0\">Coherence: 5 (good)</div>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Project_metrics_of_every_kind_render_charts_and_encoded_table_cells()
    {
        var items = new[] { 1.5, 3, 4.5 }
            .Select((value, i) => HtmlReportModelTests.Row($"i{i}", metrics:
            [
                new HtmlMetric("Words", value, "", null) { Kind = MetricKind.Numeric },
                new HtmlMetric("Polite", null, "Good", null) { Kind = MetricKind.Boolean, BooleanValue = i > 0 },
                new HtmlMetric("Tone", null, "", null) { Kind = MetricKind.String, StringValue = "<b>warm</b>" },
            ]))
            .ToList();

        string html = HtmlReportWriter.Render(HtmlReportModel.FromItems("s", items, []));

        string section = Section(html, "metrics");
        Assert.Contains("data-metric=\"Words\"", section, StringComparison.Ordinal);
        Assert.Contains("(mean 3.00, n=3)", section, StringComparison.Ordinal);
        Assert.Contains("data-value=\"1.5-2.1\" data-count=\"1\"", section, StringComparison.Ordinal);
        Assert.Contains("data-metric=\"Polite\"", section, StringComparison.Ordinal);
        Assert.Contains("(true 2 of 3)", section, StringComparison.Ordinal);
        Assert.Contains("data-value=\"false\" data-count=\"1\"", section, StringComparison.Ordinal);
        Assert.DoesNotContain("data-metric=\"Tone\"", section, StringComparison.Ordinal);
        Assert.Contains("<th>metrics</th>", html, StringComparison.Ordinal);
        Assert.Contains("Tone: &lt;b&gt;warm&lt;/b&gt;</div>", html, StringComparison.Ordinal);
        Assert.Contains("Polite: true (Good)</div>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>warm</b>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void String_metrics_alone_still_get_the_table_column_but_no_chart()
    {
        var items = new[] { HtmlReportModelTests.Row("i0", metrics: [new HtmlMetric("Tone", null, "", null) { Kind = MetricKind.String, StringValue = "dry" }]) };

        string html = HtmlReportWriter.Render(HtmlReportModel.FromItems("s", items, []));

        Assert.DoesNotContain("id=\"metrics\"", html, StringComparison.Ordinal);
        Assert.Contains("<th>metrics</th>", html, StringComparison.Ordinal);
        Assert.Contains("Tone: dry</div>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Regressions_come_first_with_the_gates_and_lead_the_item_table()
    {
        var items = new List<HtmlItemRow>
        {
            HtmlReportModelTests.Row("a-pass", verdict: ItemVerdict.Pass),
            HtmlReportModelTests.Row("b-known", passed: false, verdict: ItemVerdict.KnownFailure),
            HtmlReportModelTests.Row("c-better", verdict: ItemVerdict.Improvement),
            HtmlReportModelTests.Row("z-regressed", passed: false, verdict: ItemVerdict.Regression),
        };
        var gates = new[] { new HtmlBenchmarkGate("b", Passed: false, PValue: 0.0123, "score dropped from 0.80 to 0.50") };

        string html = HtmlReportWriter.Render(HtmlReportModel.FromItems("s", items, gates));

        Assert.True(html.IndexOf("id=\"regressions\"", StringComparison.Ordinal) < html.IndexOf("id=\"subtasks\"", StringComparison.Ordinal));
        string section = Section(html, "regressions");
        Assert.Contains("<td>b</td><td class=\"gate-fail\">failed</td><td class=\"num\">0.0123</td><td>score dropped from 0.80 to 0.50</td>", section, StringComparison.Ordinal);
        Assert.Contains("1 pass · 0 fail · 1 regression · 1 known failure · 1 improvement · 0 error", section, StringComparison.Ordinal);
        Assert.Contains("<li class=\"regression\">b/s z-regressed: answered <code>ans-z-regressed</code>", section, StringComparison.Ordinal);
        Assert.DoesNotContain("a-pass", section, StringComparison.Ordinal);
        var ids = Regex.Matches(Section(html, "items"), "<td><code>([^<]+)</code>").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(["z-regressed", "a-pass", "b-known", "c-better"], ids);
        Assert.Contains("<td class=\"regression\">regression</td>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_report_writer_writes_report_html_next_to_json_and_markdown()
    {
        string directory = Path.Combine(Path.GetTempPath(), "ba-html-" + Guid.NewGuid().ToString("N"));
        try
        {
            var report = ReportSamples.Run();
            await ReportWriter.WriteAsync(report, directory, stepSummaryPath: null, TestContext.Current.CancellationToken);

            Assert.Equal(HtmlReportWriter.Render(report), await File.ReadAllTextAsync(Path.Combine(directory, "report.html"), TestContext.Current.CancellationToken));
            Assert.True(File.Exists(Path.Combine(directory, "report.json")));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    internal static string DataBlock(string html)
    {
        int start = html.IndexOf(DataOpen, StringComparison.Ordinal) + DataOpen.Length;
        return html[start..html.IndexOf("</script>", start, StringComparison.Ordinal)];
    }

    private static string Section(string html, string id)
    {
        int start = html.IndexOf($"<section id=\"{id}\">", StringComparison.Ordinal);
        Assert.True(start >= 0, $"section {id} is missing");
        return html[start..html.IndexOf("</section>", start, StringComparison.Ordinal)];
    }

    private static string Sha256(string text) => Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
