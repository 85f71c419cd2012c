using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using BenchmarkAgent.Items;
using BenchmarkAgent.Media;
using BenchmarkAgent.Testing.Baselines;
using BenchmarkAgent.Testing.Running;
using BenchmarkAgent.Testing.Settings;
using BenchmarkAgent.Tests.Shared;

namespace BenchmarkAgent.Testing.Tests.Media;

/// <summary>
/// Issue 15, evaluation: the real item tests of <see cref="BenchmarkTestsBase"/>, in-process over a snapshot with real
/// PNG and WAV files, against the in-test OpenAI-wire server: the images arrive as <c>image_url</c> data URIs and the
/// audio as <c>input_audio</c>, byte for byte the snapshot's files (SHA-256), and each item is scored from the server's
/// answer; a file edited after the build makes that item an error item (BA0262) naming it, and the run goes on.
/// </summary>
public sealed partial class MediaWireTests : IAsyncDisposable
{
    private OpenAiWireServer? _server;
    private MediaBenchmark? _benchmark;

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        _benchmark?.Dispose();
    }

    [Fact]
    public async Task Images_go_as_image_url_data_uris_and_audio_as_input_audio_with_the_snapshots_bytes_and_each_item_is_scored_from_the_answer()
    {
        var run = Start(MediaItems(), wrong: [3], modalities: "text,image,audio");
        var tests = _benchmark!.Tests(run);

        await tests.Item(_benchmark.Name, "chart-right");
        var wrong = await Assert.ThrowsAnyAsync<Exception>(() => tests.Item(_benchmark.Name, "chart-wrong"));
        await tests.Item(_benchmark.Name, "tone-right");
        await tests.Item(_benchmark.Name, "both-right");
        await tests.Item(_benchmark.Name, "text-only");
        await run.DisposeAsync();

        // Scored from the server's answer: the right answers pass, the wrong one fails naming what was expected.
        Assert.Contains("chart-wrong: expected 3, got '4'", wrong.Message, StringComparison.Ordinal);
        var verdicts = run.Results.ToDictionary(r => r.ItemId, r => r.Verdict);
        Assert.Equal(ItemVerdict.Pass, verdicts["chart-right"]);
        Assert.Equal(ItemVerdict.Fail, verdicts["chart-wrong"]);
        Assert.Equal(ItemVerdict.Pass, verdicts["tone-right"]);
        Assert.Equal(ItemVerdict.Pass, verdicts["both-right"]);
        Assert.Equal(ItemVerdict.Pass, verdicts["text-only"]);

        // On the wire: each item's media, in order, as the right part type, decoding to the bytes items.json records.
        foreach (var item in _benchmark.Items)
        {
            var request = Assert.Single(_server!.Requests, r => r.LastUserText.StartsWith(item.Prompt, StringComparison.Ordinal));
            var parts = WirePart.OfLastUserMessage(request.Body);
            Assert.Equal(item.Media.Count, parts.Count);
            for (int i = 0; i < parts.Count; i++)
            {
                var reference = item.Media[i];
                Assert.Equal(reference.Sha256, parts[i].Sha256);
                Assert.Equal(reference.Length, parts[i].Bytes.Length);
                if (reference.Kind == MediaKind.Image)
                {
                    Assert.Equal("image_url", parts[i].Type);
                    Assert.Equal(reference.MediaType, parts[i].MediaType);
                }
                else
                {
                    Assert.Equal("input_audio", parts[i].Type);
                    Assert.Equal("wav", parts[i].Format);
                }
            }

            // The prompt text comes first, before the media.
            Assert.Equal(item.Prompt, request.LastUserText);
        }

        // report.json names each item's media files with their recorded hashes.
        var report = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(_benchmark.Root, "results", "report.json"), TestContext.Current.CancellationToken))!;
        var both = report["results"]!.AsArray().Single(r => (string?)r!["itemId"] == "both-right")!;
        Assert.Equal(
            _benchmark.Item("both-right").Media.Select(m => m.Sha256),
            both["media"]!.AsArray().Select(m => (string)m!["sha256"]!));
        Assert.Null(report["results"]!.AsArray().Single(r => (string?)r!["itemId"] == "text-only")!["media"]);
    }

    [Fact]
    public async Task A_media_file_edited_after_the_build_makes_its_item_an_error_item_with_BA0262_naming_it_and_the_run_goes_on()
    {
        var run = Start(MediaItems(), wrong: [], modalities: "text,image,audio");
        // Same length, one byte changed near the end: only the hash can tell.
        string edited = _benchmark!.MediaFile("chart-right");
        byte[] bytes = await File.ReadAllBytesAsync(edited, TestContext.Current.CancellationToken);
        bytes[^20] ^= 0x5A;
        await File.WriteAllBytesAsync(edited, bytes, TestContext.Current.CancellationToken);
        File.Delete(_benchmark.MediaFile("tone-right"));
        var tests = _benchmark.Tests(run);

        var changed = await Assert.ThrowsAnyAsync<Exception>(() => tests.Item(_benchmark.Name, "chart-right"));
        var missing = await Assert.ThrowsAnyAsync<Exception>(() => tests.Item(_benchmark.Name, "tone-right"));
        await tests.Item(_benchmark.Name, "chart-wrong");
        await run.DisposeAsync();

        Assert.Contains("error BA0262: item 'chart-right'", changed.Message, StringComparison.Ordinal);
        Assert.Contains("does not match the SHA-256", changed.Message, StringComparison.Ordinal);
        Assert.Contains("error BA0261: item 'tone-right'", missing.Message, StringComparison.Ordinal);
        var results = run.Results.ToDictionary(r => r.ItemId);
        Assert.Equal(ItemVerdict.Error, results["chart-right"].Verdict);
        Assert.Contains("BA0262", results["chart-right"].Error, StringComparison.Ordinal);
        Assert.Null(results["chart-right"].Score);
        Assert.Equal(ItemVerdict.Error, results["tone-right"].Verdict);
        Assert.Equal(ItemVerdict.Pass, results["chart-wrong"].Verdict);
        // Nothing was sent for the broken items: no image without its image, no stale bytes.
        Assert.DoesNotContain(_server!.Requests, r => r.LastUserText.StartsWith(_benchmark.Item("chart-right").Prompt, StringComparison.Ordinal));
        Assert.DoesNotContain(_server.Requests, r => r.LastUserText.StartsWith(_benchmark.Item("tone-right").Prompt, StringComparison.Ordinal));
        string markdown = await File.ReadAllTextAsync(Path.Combine(_benchmark.Root, "results", "report.md"), TestContext.Current.CancellationToken);
        Assert.True(markdown.Contains($"| **{_benchmark.Name}** | 3 | 1 | 2 | 100.0 % |", StringComparison.Ordinal), markdown);
    }

    [Fact]
    public async Task An_mp3_clip_goes_as_input_audio_with_format_mp3_and_a_jpeg_as_an_image_jpeg_data_uri()
    {
        // One MPEG-1 Layer III frame header (128 kbit/s, 44.1 kHz) and a silent frame body; a JPEG start/end marker pair.
        byte[] mp3 = [0xFF, 0xFB, 0x90, 0x64, .. new byte[413]];
        byte[] jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0xFF, 0xD9];
        var run = Start(
            [(Numbered("mp3", 4, "Count the beats. "), [MediaContent.Create(MediaKind.Audio, MediaTypes.Mp3, mp3), MediaContent.Create(MediaKind.Image, MediaTypes.Jpeg, jpeg)])],
            wrong: [],
            modalities: "audio,image");

        await _benchmark!.Tests(run).Item(_benchmark.Name, "mp3");
        await run.DisposeAsync();

        var parts = WirePart.OfLastUserMessage(Assert.Single(_server!.Requests).Body);
        Assert.Equal(2, parts.Count);
        Assert.Equal(("input_audio", "mp3"), (parts[0].Type, parts[0].Format));
        Assert.Equal(_benchmark.Item("mp3").Media[0].Sha256, parts[0].Sha256);
        Assert.Equal(("image_url", "image/jpeg"), (parts[1].Type, parts[1].MediaType));
        Assert.Equal(_benchmark.Item("mp3").Media[1].Sha256, parts[1].Sha256);
    }

    /// <summary>Five items: two images (one answered wrongly), a WAV, an image with a WAV, and a text item; item n expects n.</summary>
    internal static IEnumerable<(BenchmarkItem Item, MediaContent[] Media)> MediaItems()
    {
        var red = MediaContent.Create(MediaKind.Image, MediaTypes.Png, TinyMedia.TwoColourPng(48, 32, (220, 20, 20), (20, 20, 220)));
        var green = MediaContent.Create(MediaKind.Image, MediaTypes.Png, TinyMedia.TwoColourPng(40, 40, (20, 200, 20), (240, 220, 0)));
        var grid = MediaContent.Create(MediaKind.Image, MediaTypes.Png, TinyMedia.Png(24, 24, (x, y) => ((x / 6 + y / 6) % 2 == 0 ? ((byte)0, (byte)0, (byte)0) : ((byte)255, (byte)255, (byte)255))));
        var tone = MediaContent.Create(MediaKind.Audio, MediaTypes.Wav, TinyMedia.Wav(440, 120));
        var high = MediaContent.Create(MediaKind.Audio, MediaTypes.Wav, TinyMedia.Wav(880, 90));
        yield return (Numbered("chart-right", 7, "Which half of the image is red? "), [red]);
        yield return (Numbered("chart-wrong", 3, "How many colours does the image have? "), [green]);
        yield return (Numbered("tone-right", 5, "How many beeps do you hear? "), [tone]);
        yield return (Numbered("both-right", 9, "Does the grid match the tone? "), [grid, high]);
        yield return (Numbered("text-only", 2, "No media here. "), []);
    }

    internal static BenchmarkItem Numbered(string id, int answer, string text) =>
        TestItems.Item(ExpectedAnswer.Number(answer), id: id, prompt: text + $"Question number {answer}? Answer with 'Answer: <number>'.");

    private BenchmarkRun Start(IEnumerable<(BenchmarkItem, MediaContent[])> items, HashSet<int> wrong, string? modalities, params (string Name, string Value)[] more)
    {
        _benchmark = MediaBenchmark.Create("media-wire", items);
        _server = OpenAiWireServer.Start(r =>
        {
            int n = int.Parse(Question().Match(r.LastUserText).Groups[1].Value, CultureInfo.InvariantCulture);
            return "Answer: " + (wrong.Contains(n) ? n + 1 : n);
        });
        var environment = new Dictionary<string, string?>
        {
            ["BENCHAGENT_SUBJECT_ENDPOINT"] = _server.BaseUrl,
            ["BENCHAGENT_SUBJECT_MODEL"] = "media-model",
            ["BENCHAGENT_SUBJECT_API_KEY"] = "sk-test",
            [RunSettingsReader.SubjectModalitiesVariable] = modalities,
            [RunSettingsReader.ResultsDirectoryVariable] = Path.Combine(_benchmark.Root, "results"),
        };
        foreach (var (name, value) in more)
        {
            environment[name] = value;
        }

        return new BenchmarkRun(name => environment.GetValueOrDefault(name));
    }

    [GeneratedRegex(@"Question number (\d+)\?")]
    private static partial Regex Question();
}
