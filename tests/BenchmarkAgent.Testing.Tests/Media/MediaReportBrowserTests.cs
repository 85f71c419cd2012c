using System.Text.Json;
using BenchmarkAgent.Items;
using BenchmarkAgent.Media;
using BenchmarkAgent.Testing.Reports;
using BenchmarkAgent.Testing.Results;
using BenchmarkAgent.Testing.Scoring;
using BenchmarkAgent.Testing.Tests.Reports;

namespace BenchmarkAgent.Testing.Tests.Media;

/// <summary>
/// Issue 15, evaluation: report.html in headless Chromium shows each image item's thumbnail (a data URI of the verified
/// snapshot file: its pixels are on the screenshot) and an audio player per audio item, a placeholder naming a file
/// above the cap, and an injected file name stays text: no script of it runs, the page still requests nothing.
/// </summary>
public sealed class MediaReportBrowserTests : IDisposable
{
    /// <summary>A file name that tries to leave the attribute and the element, run a script and load an image.</summary>
    internal const string HostileName = "media/x.png\"><script>window.__pwned=1</script><img src=x onerror=\"window.__pwned=2\">";

    private readonly MediaBenchmark _benchmark = MediaBenchmark.Create("media-report", Items());

    public void Dispose() => _benchmark.Dispose();

    [Fact]
    public async Task Chromium_shows_the_thumbnails_and_players_and_an_injected_file_name_cannot_break_out()
    {
        var cancellationToken = HtmlReportBrowserTests.Guard(out var guard);
        using var _ = guard;
        string directory = Path.Combine(AppContext.BaseDirectory, "TestResults", "html-report", "media");
        await ReportWriter.WriteAsync(Report(_benchmark), directory, stepSummaryPath: null, cancellationToken);
        string path = Path.Combine(directory, "report.html");
        await using var browser = await HtmlReportBrowserTests.StartBrowserAsync(cancellationToken);
        await browser.SendAsync("Network.enable", null, cancellationToken);
        await browser.SendAsync("Page.enable", null, cancellationToken);

        await browser.NavigateAsync(new Uri(path), cancellationToken);

        // One thumbnail (the big image is a placeholder), decoded at the PNG's own size.
        Assert.Equal(1, await HtmlReportBrowserTests.CountAsync(browser, "img.thumb", cancellationToken));
        var thumb = (await browser.EvaluateAsync(
            "(() => { const i = document.querySelector('img.thumb'); const r = i.getBoundingClientRect(); return { w: i.naturalWidth, h: i.naturalHeight, complete: i.complete, x: r.left + scrollX, y: r.top + scrollY, rw: r.width, rh: r.height, src: i.src.slice(0, 22), alt: i.alt }; })()",
            cancellationToken))!;
        Assert.True(thumb["complete"]!.GetValue<bool>());
        Assert.Equal(64, thumb["w"]!.GetValue<int>());
        Assert.Equal(48, thumb["h"]!.GetValue<int>());
        Assert.Equal("data:image/png;base64,", thumb["src"]!.GetValue<string>());
        Assert.Equal(_benchmark.Item("thumb").Media[0].Path, thumb["alt"]!.GetValue<string>());
        // A player per audio item, the skipped one's too (its clip is what the subject could not take).
        Assert.Equal(2, await HtmlReportBrowserTests.CountAsync(browser, "audio[controls]", cancellationToken));
        Assert.StartsWith("data:audio/wav;base64,", (await browser.EvaluateAsync("document.querySelector('audio').getAttribute('src')", cancellationToken))!.GetValue<string>(), StringComparison.Ordinal);

        // The big image: a placeholder with its name and why; the skipped item is counted apart.
        string big = (await browser.EvaluateAsync("Array.from(document.querySelectorAll('.media-placeholder')).map(p => p.textContent).join('\\n')", cancellationToken))!.GetValue<string>();
        Assert.Contains($"image {_benchmark.Item("big").Media[0].Path} (not embedded: ", big, StringComparison.Ordinal);
        Assert.Contains("above the 512 KiB cap", big, StringComparison.Ordinal);
        Assert.Equal("1", (await browser.EvaluateAsync("document.getElementById('skipped-count').textContent", cancellationToken))!.GetValue<string>());

        // The injected name is text in its placeholder: no script of it ran, no element came of it, no dialog opened.
        Assert.Contains($"image {HostileName} (not embedded: BA0260", big, StringComparison.Ordinal);
        Assert.Equal("undefined", (await browser.EvaluateAsync("typeof window.__pwned", cancellationToken))!.GetValue<string>());
        Assert.Equal(2, await HtmlReportBrowserTests.CountAsync(browser, "script", cancellationToken));
        Assert.Equal(0, await HtmlReportBrowserTests.CountAsync(browser, "img:not(.thumb)", cancellationToken));
        Assert.DoesNotContain(browser.Events, e => (string?)e["method"] == "Page.javascriptDialogOpening");
        var requested = browser.Events.Where(e => (string?)e["method"] == "Network.requestWillBeSent").Select(e => (string)e["params"]!["request"]!["url"]!).ToList();
        Assert.Equal([new Uri(path).AbsoluteUri], requested.Where(u => !u.StartsWith("data:", StringComparison.Ordinal)));

        // The screenshot shows the thumbnail's pixels: red on its left half, blue on its right, where the page put it.
        byte[] png = await browser.ScreenshotAsync(cancellationToken);
        string screenshot = Path.Combine(directory, "report.png");
        await File.WriteAllBytesAsync(screenshot, png, cancellationToken);
        TestContext.Current.SendDiagnosticMessage($"Screenshot: {screenshot}");
        var (width, _, pixel) = TinyMedia.Decode(png);
        double scale = width / (await browser.EvaluateAsync("document.documentElement.clientWidth", cancellationToken))!.GetValue<double>();
        double x = thumb["x"]!.GetValue<double>(), y = thumb["y"]!.GetValue<double>(), w = thumb["rw"]!.GetValue<double>(), h = thumb["rh"]!.GetValue<double>();
        Assert.True(w >= 60 && h >= 44, $"the thumbnail is drawn {w}x{h}");
        AssertNear((220, 20, 20), pixel((int)((x + (w * 0.25)) * scale), (int)((y + (h / 2)) * scale)));
        AssertNear((20, 20, 220), pixel((int)((x + (w * 0.75)) * scale), (int)((y + (h / 2)) * scale)));
        // And not the page's white around it.
        AssertNear((255, 255, 255), pixel((int)((x + w + 40) * scale), (int)((y - 30) * scale)));
    }

    [Fact]
    public void The_page_escapes_every_media_name_and_embeds_no_file_it_could_not_verify()
    {
        string html = HtmlReportWriter.Render(Report(_benchmark));

        Assert.DoesNotContain("<script>window.__pwned", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img src=x", html, StringComparison.Ordinal);
        Assert.Contains(System.Net.WebUtility.HtmlEncode(HostileName), html, StringComparison.Ordinal);
        // The CSP admits data: images and audio only; nothing else may load.
        Assert.Contains("img-src data:; media-src data:;", html, StringComparison.Ordinal);
        // The page's JSON holds the names (escaped for the script block), never the bytes.
        int data = html.IndexOf("id=\"report-data\">", StringComparison.Ordinal);
        string json = html[data..html.IndexOf("</script>", data, StringComparison.Ordinal)];
        Assert.DoesNotContain("base64", json, StringComparison.Ordinal);
        Assert.DoesNotContain("<", json[(json.IndexOf('>') + 1)..], StringComparison.Ordinal);

        // A file edited after the build is not embedded (its hash no longer matches): a placeholder names it.
        string edited = _benchmark.MediaFile("thumb");
        byte[] bytes = File.ReadAllBytes(edited);
        bytes[^20] ^= 0x33;
        File.WriteAllBytes(edited, bytes);
        string after = HtmlReportWriter.Render(Report(_benchmark));
        Assert.DoesNotContain("<img class=\"thumb\"", after, StringComparison.Ordinal);
        Assert.Contains($"image {_benchmark.Item("thumb").Media[0].Path} (not embedded: BA0262", after, StringComparison.Ordinal);
    }

    [Fact]
    public void Above_the_page_budget_later_files_are_placeholders_and_the_table_cap_still_holds()
    {
        // 2,500 image items of one 300 KiB file: at most 2,000 rows are shown, and at most 8 MiB of media is embedded.
        var file = ItemMediaFile.From(_benchmark.Item("mid").Media[0]);
        var results = Enumerable.Range(0, 2_500)
            .Select(i => new ItemResult("media-report", "s", $"m{i:D4}", "easy", "model", "Answer: 1", new ItemScore(1, true, "1", "1", "ok"), null, TimeSpan.FromMilliseconds(3)) { Media = [file with { }] })
            .ToList();
        var report = RunReport.Create(results) with { MediaFiles = new ReportMediaFiles(_ => _benchmark.Directory) };

        string html = HtmlReportWriter.Render(report);

        int thumbnails = System.Text.RegularExpressions.Regex.Count(html, "<img class=\"thumb\"");
        Assert.Equal((int)(ReportMediaFiles.MaxPageBytes / file.Length), thumbnails);
        Assert.Equal(2_000 - thumbnails, System.Text.RegularExpressions.Regex.Count(html, "not embedded: the page already holds"));
        Assert.Contains("id=\"items-capped\"", html, StringComparison.Ordinal);
        Assert.True(html.Length < 16 * 1024 * 1024, $"the page has {html.Length} characters");
    }

    /// <summary>The run's results over the benchmark: a thumbnail, an audio clip, a big image, a hostile name, a skipped item.</summary>
    private static RunReport Report(MediaBenchmark benchmark)
    {
        ItemResult Result(string id, bool passed) =>
            new("media-report", "charts", id, "easy", "model", passed ? "Answer: 7" : "Answer: 1", new ItemScore(passed ? 1 : 0, passed, passed ? "7" : "1", "7", "compared"), null, TimeSpan.FromMilliseconds(12))
            {
                Media = benchmark.Item(id).Media.Select(ItemMediaFile.From).ToList(),
            };
        var hostile = new ItemMediaFile("image", MediaTypes.Png, HostileName, new string('a', 64), 10);
        var results = new List<ItemResult>
        {
            Result("thumb", true),
            Result("tone", false),
            Result("big", true),
            Result("hostile", true) with { Media = [hostile] },
            new ItemResult("media-report", "charts", "skipped", "hard", "model", string.Empty, null, null, TimeSpan.Zero)
            {
                Skipped = "BA2071: item 'skipped' carries audio input, but the subject 'model' accepts text,image only.",
                Media = benchmark.Item("skipped").Media.Select(ItemMediaFile.From).ToList(),
            },
        };
        return RunReport.Create(results) with { MediaFiles = new ReportMediaFiles(name => name == "media-report" ? benchmark.Directory : null) };
    }

    private static IEnumerable<(BenchmarkItem Item, MediaContent[] Media)> Items()
    {
        var random = new Random(15);
        var noise = new byte[512 * 400 * 3];
        random.NextBytes(noise);
        var noiseMid = new byte[300 * 330 * 3];
        random.NextBytes(noiseMid);
        yield return (MediaWireTests.Numbered("thumb", 7, "Which half is red? "), [MediaContent.Create(MediaKind.Image, MediaTypes.Png, TinyMedia.TwoColourPng(64, 48, (220, 20, 20), (20, 20, 220)))]);
        yield return (MediaWireTests.Numbered("tone", 7, "How many beeps? "), [MediaContent.Create(MediaKind.Audio, MediaTypes.Wav, TinyMedia.Wav(660, 200))]);
        yield return (MediaWireTests.Numbered("big", 7, "Too big to embed. "), [MediaContent.Create(MediaKind.Image, MediaTypes.Png, TinyMedia.Png(512, 400, (x, y) => (noise[((y * 512) + x) * 3], noise[(((y * 512) + x) * 3) + 1], noise[(((y * 512) + x) * 3) + 2])))]);
        yield return (MediaWireTests.Numbered("mid", 7, "Embeddable but not small. "), [MediaContent.Create(MediaKind.Image, MediaTypes.Png, TinyMedia.Png(300, 330, (x, y) => (noiseMid[((y * 300) + x) * 3], noiseMid[(((y * 300) + x) * 3) + 1], noiseMid[(((y * 300) + x) * 3) + 2])))]);
        yield return (MediaWireTests.Numbered("hostile", 7, "Hostile name. "), []);
        yield return (MediaWireTests.Numbered("skipped", 7, "Skipped. "), [MediaContent.Create(MediaKind.Audio, MediaTypes.Wav, TinyMedia.Wav(300, 50))]);
    }

    private static void AssertNear((int R, int G, int B) expected, (byte R, byte G, byte B) actual) =>
        Assert.True(
            Math.Abs(expected.R - actual.R) <= 24 && Math.Abs(expected.G - actual.G) <= 24 && Math.Abs(expected.B - actual.B) <= 24,
            $"expected about {expected}, the screenshot has {actual}");
}
