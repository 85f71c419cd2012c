using System.Buffers.Binary;
using System.Text.Json.Nodes;
using BenchmarkAgent.Testing.Reports;

using BenchmarkAgent.Testing.Baselines;

namespace BenchmarkAgent.Testing.Tests.Reports;

/// <summary>
/// Opens the real report.html in headless Chromium: the charts and the table render with the right numbers, the
/// search box filters rows, the injected answer stays text, the page requests nothing, and a screenshot is saved.
/// </summary>
public sealed class HtmlReportBrowserTests
{
    private const int Width = 1280;
    private const int Height = 1000;

    [Fact]
    public async Task The_report_renders_its_charts_and_table_and_the_search_box_filters_rows()
    {
        var cancellationToken = Guard(out var guard);
        using var _ = guard;
        string path = await WriteReportAsync("script", cancellationToken);
        await using var browser = await StartBrowserAsync(cancellationToken);
        await browser.SendAsync("Network.enable", null, cancellationToken);
        await browser.SendAsync("Page.enable", null, cancellationToken);

        await browser.NavigateAsync(new Uri(path), cancellationToken);

        // Subtask bars: label and value text as laid out, and bar widths in proportion to the pass rates.
        var bars = (await browser.EvaluateAsync(
            "Array.from(document.querySelectorAll('#subtask-chart .subtask-bar')).map(g => g.querySelector('.label').textContent + ' | ' + g.querySelector('.value').textContent)",
            cancellationToken))!.AsArray().Select(n => n!.GetValue<string>());
        Assert.Equal(
            ["arith/add | 62.5% (5/8) [30.6%, 86.3%]", "arith/mul | 33.3% (1/3) [6.1%, 79.2%]", "logic/knights | 100.0% (2/2) [34.2%, 100.0%]"],
            bars);
        var widths = Numbers(await browser.EvaluateAsync(
            "Array.from(document.querySelectorAll('#subtask-chart rect.bar')).map(r => r.getBoundingClientRect().width)", cancellationToken));
        Assert.Equal(0.625, widths[0] / widths[2], 2);
        Assert.Equal(1.0 / 3, widths[1] / widths[2], 2);
        // Whiskers: one rendered line with two caps per bar, spanning the interval around the bar's end.
        var whiskers = Numbers(await browser.EvaluateAsync(
            "Array.from(document.querySelectorAll('#subtask-chart line.ci')).map(l => l.getBoundingClientRect().width)", cancellationToken));
        Assert.Equal(3, whiskers.Count);
        Assert.All(whiskers, w => Assert.True(w > 10, $"whisker width {w}px"));
        Assert.Equal(6, await CountAsync(browser, "#subtask-chart line.ci-cap", cancellationToken));
        Assert.Equal(4, await CountAsync(browser, "#difficulty-chart .difficulty-point circle", cancellationToken));

        // Table: every item visible, then the search box narrows the rows.
        Assert.Equal(14, await CountAsync(browser, "#item-table tbody tr:not([hidden])", cancellationToken));
        Assert.False((await browser.EvaluateAsync("document.getElementById('filter').hidden", cancellationToken))!.GetValue<bool>());
        Assert.Equal(2, await SearchAsync(browser, "knights", cancellationToken));
        Assert.Equal("2 of 14 items shown", (await browser.EvaluateAsync("document.getElementById('shown').textContent", cancellationToken))!.GetValue<string>());
        Assert.Equal(4, await SearchAsync(browser, "MUL hard", cancellationToken));
        Assert.Equal(1, await SearchAsync(browser, "boom", cancellationToken));
        Assert.Equal(0, await SearchAsync(browser, "no-such-text", cancellationToken));
        Assert.Equal(14, await SearchAsync(browser, string.Empty, cancellationToken));

        // The injected answer is text in its cell; no extra script, element or dialog came of it.
        Assert.Equal(ReportSamples.Injection, (await browser.EvaluateAsync(
            "Array.from(document.querySelectorAll('#item-table tbody tr')).find(r => r.cells[2].textContent === 'm1').cells[5].textContent", cancellationToken))!.GetValue<string>());
        Assert.Equal(2, await CountAsync(browser, "script", cancellationToken));
        Assert.Equal(0, await CountAsync(browser, "img", cancellationToken));
        Assert.Equal(14, (await browser.EvaluateAsync("JSON.parse(document.getElementById('report-data').textContent).items.length", cancellationToken))!.GetValue<int>());
        Assert.DoesNotContain(browser.Events, e => (string?)e["method"] == "Page.javascriptDialogOpening");
        // The page requested nothing but itself.
        var requested = browser.Events.Where(e => (string?)e["method"] == "Network.requestWillBeSent").Select(e => (string)e["params"]!["request"]!["url"]!).ToList();
        Assert.Equal([new Uri(path).AbsoluteUri], requested);

        byte[] png = await browser.ScreenshotAsync(cancellationToken);
        string screenshot = Path.Combine(Path.GetDirectoryName(path)!, "report.png");
        await File.WriteAllBytesAsync(screenshot, png, cancellationToken);
        AssertNonTrivialPng(png);
        TestContext.Current.SendDiagnosticMessage($"Screenshot: {screenshot}");
    }

    [Fact]
    public async Task The_report_renders_without_script()
    {
        var cancellationToken = Guard(out var guard);
        using var _ = guard;
        string path = await WriteReportAsync("no-script", cancellationToken);
        await using var browser = await StartBrowserAsync(cancellationToken);
        await browser.SendAsync("Emulation.setScriptExecutionDisabled", new { value = true }, cancellationToken);

        await browser.NavigateAsync(new Uri(path), cancellationToken);

        // Runtime.evaluate still runs with page script disabled; the page's own script did not.
        Assert.True((await browser.EvaluateAsync("document.getElementById('filter').hidden", cancellationToken))!.GetValue<bool>());
        Assert.Equal("14 items", (await browser.EvaluateAsync("document.getElementById('shown').textContent", cancellationToken))!.GetValue<string>());
        Assert.Equal(14, await CountAsync(browser, "#item-table tbody tr:not([hidden])", cancellationToken));
        Assert.Equal(3, await CountAsync(browser, "#subtask-chart rect.bar", cancellationToken));
        var widths = Numbers(await browser.EvaluateAsync(
            "Array.from(document.querySelectorAll('#subtask-chart rect.bar')).map(r => r.getBoundingClientRect().width)", cancellationToken));
        Assert.All(widths, w => Assert.True(w > 0));
    }

    [Fact]
    public async Task Judge_metric_histograms_and_regressions_render_when_present()
    {
        var cancellationToken = Guard(out var guard);
        using var _ = guard;
        var items = new[] { 5, 4, 4, 1 }
            .Select((value, i) => HtmlReportModelTests.Row(
                $"i{i}",
                passed: i != 3,
                verdict: i == 3 ? ItemVerdict.Regression : ItemVerdict.Pass,
                metrics: [new HtmlMetric("Coherence", value, "ok", "why " + i), new HtmlMetric("Relevance", 6 - value, "ok", "")]))
            .ToList();
        string directory = Path.Combine(AppContext.BaseDirectory, "TestResults", "html-report", "sections");
        Directory.CreateDirectory(directory);
        string path = Path.Combine(directory, "report.html");
        await File.WriteAllTextAsync(path, HtmlReportWriter.Render(HtmlReportModel.FromItems("judge-model", items, [new HtmlBenchmarkGate("b", false, 0.03, "dropped")])), cancellationToken);
        await using var browser = await StartBrowserAsync(cancellationToken);

        await browser.NavigateAsync(new Uri(path), cancellationToken);

        // Coherence counts 1,0,0,2,1: bar heights follow the counts (the tallest bar is 2).
        var heights = Numbers(await browser.EvaluateAsync(
            "Array.from(document.querySelectorAll('svg.metric-chart[data-metric=\"Coherence\"] rect.metric-bar')).map(r => r.getBoundingClientRect().height)", cancellationToken));
        Assert.Equal(5, heights.Count);
        Assert.Equal([0.5, 0, 0, 1, 0.5], heights.Select(h => Math.Round(h / heights.Max(), 2)));
        Assert.Equal(2, await CountAsync(browser, "svg.metric-chart", cancellationToken));
        // Regressions lead the page and the table.
        Assert.Equal("regressions", (await browser.EvaluateAsync("document.querySelector('section').id", cancellationToken))!.GetValue<string>());
        Assert.Equal(1, await CountAsync(browser, "#regression-list li", cancellationToken));
        Assert.Equal("i3", (await browser.EvaluateAsync("document.querySelector('#item-table tbody tr').cells[2].textContent", cancellationToken))!.GetValue<string>());
        Assert.Equal(1, await SearchAsync(browser, "regression", cancellationToken));

        byte[] png = await browser.ScreenshotAsync(cancellationToken);
        await File.WriteAllBytesAsync(Path.Combine(directory, "report.png"), png, cancellationToken);
        AssertNonTrivialPng(png);
    }

    internal static CancellationToken Guard(out CancellationTokenSource guard)
    {
        // A hang guard for the browser, not a timing assertion.
        guard = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        guard.CancelAfter(TimeSpan.FromSeconds(120));
        return guard.Token;
    }

    internal static async Task<HeadlessChromium> StartBrowserAsync(CancellationToken cancellationToken)
    {
        string? executable = HeadlessChromium.FindExecutable();
        if (executable is null)
        {
            const string message = "Chromium is not installed (looked for CHROMIUM_PATH, /usr/bin/chromium, /usr/bin/chromium-browser, /usr/bin/google-chrome); install it with 'apt-get install -y chromium'.";
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                Assert.Fail(message + " CI=true requires it (.ci/run installs it).");
            }

            Assert.Skip(message);
        }

        return await HeadlessChromium.StartAsync(executable!, Width, Height, cancellationToken);
    }

    private static async Task<string> WriteReportAsync(string name, CancellationToken cancellationToken)
    {
        string directory = Path.Combine(AppContext.BaseDirectory, "TestResults", "html-report", name);
        await ReportWriter.WriteAsync(ReportSamples.Run(), directory, stepSummaryPath: null, cancellationToken);
        return Path.Combine(directory, "report.html");
    }

    private static async Task<int> SearchAsync(HeadlessChromium browser, string text, CancellationToken cancellationToken)
    {
        string script = $$"""
            (() => {
              const input = document.getElementById('filter');
              input.value = {{System.Text.Json.JsonSerializer.Serialize(text)}};
              input.dispatchEvent(new Event('input'));
              return document.querySelectorAll('#item-table tbody tr:not([hidden])').length;
            })()
            """;
        return (await browser.EvaluateAsync(script, cancellationToken))!.GetValue<int>();
    }

    internal static async Task<int> CountAsync(HeadlessChromium browser, string selector, CancellationToken cancellationToken) =>
        (await browser.EvaluateAsync($"document.querySelectorAll({System.Text.Json.JsonSerializer.Serialize(selector)}).length", cancellationToken))!.GetValue<int>();

    private static List<double> Numbers(JsonNode? array) => array!.AsArray().Select(n => n!.GetValue<double>()).ToList();

    private static void AssertNonTrivialPng(byte[] png)
    {
        Assert.True(png.Length > 20_000, $"the screenshot has only {png.Length} bytes");
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A }, png[..8]);
        Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(png, 12, 4));
        Assert.Equal(Width, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)));
        Assert.True(BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)) >= Height / 2);
    }
}
