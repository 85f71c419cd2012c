using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using BenchmarkAgent.Items;
using BenchmarkAgent.Media;
using BenchmarkAgent.Testing.Baselines;
using BenchmarkAgent.Testing.Running;
using BenchmarkAgent.Testing.Settings;
using BenchmarkAgent.Tests.Shared;
using Microsoft.Extensions.AI;

namespace BenchmarkAgent.Testing.Tests.Media;

/// <summary>
/// Issue 15, evaluation: a subject is text-only unless it declares more; an item needing an undeclared modality is
/// skipped with a message naming the modality and how to declare it, is never sent, and report.json, report.md and
/// report.html count it apart; under CI=true a run that skips everything fails (BA2072).
/// </summary>
public sealed partial class ModalitySkipTests : IAsyncDisposable
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
    public async Task A_text_only_subject_skips_image_and_audio_items_with_the_message_and_the_reports_count_them_apart()
    {
        var run = Start(MediaWireTests.MediaItems(), modalities: null);
        var tests = _benchmark!.Tests(run);

        string? image = await tests.RunItemAsync(_benchmark.Name, "chart-right");
        string? wrongImage = await tests.RunItemAsync(_benchmark.Name, "chart-wrong");
        string? audio = await tests.RunItemAsync(_benchmark.Name, "tone-right");
        string? both = await tests.RunItemAsync(_benchmark.Name, "both-right");
        Assert.Null(await tests.RunItemAsync(_benchmark.Name, "text-only"));
        Assert.Null(await tests.RunGateAsync(_benchmark.Name)); // the gate runs over the one item that ran
        await run.DisposeAsync();

        // The skip message (xUnit's dynamic skip of the item test): which modality, which subject, both ways to declare it.
        Assert.StartsWith("BA2071: item 'chart-right' carries image input, but the subject 'media-model' accepts text only", image, StringComparison.Ordinal);
        Assert.Contains("BENCHAGENT_SUBJECT_MODALITIES=text,image,", image, StringComparison.Ordinal);
        Assert.Contains("Modalities = InputModalities.Image)", image, StringComparison.Ordinal);
        Assert.StartsWith("BA2071: item 'chart-wrong'", wrongImage, StringComparison.Ordinal);
        Assert.StartsWith("BA2071: item 'tone-right' carries audio input", audio, StringComparison.Ordinal);
        Assert.Contains("BENCHAGENT_SUBJECT_MODALITIES=text,audio,", audio, StringComparison.Ordinal);
        Assert.Contains("carries image and audio input", both, StringComparison.Ordinal);
        Assert.Contains("BENCHAGENT_SUBJECT_MODALITIES=text,image,audio,", both, StringComparison.Ordinal);

        // Never sent: one request in all, the text item's (the calls the run starts in the background skip them too).
        var request = Assert.Single(_server!.Requests);
        Assert.StartsWith("No media here.", request.LastUserText, StringComparison.Ordinal);

        // report.json: skipped items carry the reason, no score, no error, no verdict; the summary counts them apart.
        string results = Path.Combine(_benchmark.Root, "results");
        var report = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(results, "report.json"), TestContext.Current.CancellationToken))!;
        var rows = report["results"]!.AsArray().ToDictionary(r => (string)r!["itemId"]!);
        foreach (string id in new[] { "chart-right", "chart-wrong", "tone-right", "both-right" })
        {
            Assert.StartsWith($"BA2071: item '{id}'", (string)rows[id]!["skipped"]!, StringComparison.Ordinal);
            Assert.Null(rows[id]!["score"]);
            Assert.Null(rows[id]!["error"]);
            Assert.Null(rows[id]!["verdict"]);
        }

        Assert.Null(rows["text-only"]!["skipped"]);
        var summary = report["benchmarks"]!.AsArray().Single()!;
        Assert.Equal(1, (int)summary["items"]!);
        Assert.Equal(1, (int)summary["passed"]!);
        Assert.Equal(0, (int)summary["errors"]!);
        Assert.Equal(4, (int)summary["skipped"]!);
        Assert.Equal(1.0, (double)summary["meanScore"]!);

        // report.md: a skipped column and a note on how to run them.
        string markdown = await File.ReadAllTextAsync(Path.Combine(results, "report.md"), TestContext.Current.CancellationToken);
        Assert.Contains("| benchmark / subtask | items | passed | errors | skipped | score |", markdown, StringComparison.Ordinal);
        Assert.Contains($"| **{_benchmark.Name}** | 1 | 1 | 0 | 4 | 100.0 % |", markdown, StringComparison.Ordinal);
        Assert.Contains("4 items were skipped (BA2071)", markdown, StringComparison.Ordinal);

        // report.html: the skipped count in the summary, and skipped rows apart from errors and failures.
        string html = await File.ReadAllTextAsync(Path.Combine(results, "report.html"), TestContext.Current.CancellationToken);
        Assert.Contains("1 passed of 1 scored (100.0%) · 0 errors · <span id=\"skipped-count\">4</span> skipped", html, StringComparison.Ordinal);
        Assert.Equal(4, Regex.Count(html, "<tr class=\"skipped\">"));
        Assert.Equal(0, Regex.Count(html, "<tr class=\"error\">"));
    }

    [Fact]
    public async Task A_subject_declaring_images_runs_the_image_items_and_still_skips_audio_naming_the_missing_modality()
    {
        var run = Start(MediaWireTests.MediaItems(), modalities: "image");
        var tests = _benchmark!.Tests(run);

        Assert.Null(await tests.RunItemAsync(_benchmark.Name, "chart-right"));
        string? audio = await tests.RunItemAsync(_benchmark.Name, "tone-right");
        string? both = await tests.RunItemAsync(_benchmark.Name, "both-right");
        await run.DisposeAsync();

        Assert.Contains("carries audio input, but the subject 'media-model' accepts text,image only", audio, StringComparison.Ordinal);
        Assert.Contains("BENCHAGENT_SUBJECT_MODALITIES=text,image,audio,", audio, StringComparison.Ordinal);
        Assert.Contains("Modalities = InputModalities.Image | InputModalities.Audio)", audio, StringComparison.Ordinal);
        Assert.Contains("carries audio input", both, StringComparison.Ordinal); // only the missing one is named
        Assert.Equal(ItemVerdict.Pass, run.Results.Single(r => r.ItemId == "chart-right").Verdict);
        Assert.DoesNotContain(_server!.Requests, r => r.LastUserText.Contains("beeps", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Under_CI_a_run_whose_every_item_needs_an_undeclared_modality_fails_with_BA2072_and_the_opt_out_skips()
    {
        var imagesOnly = MediaWireTests.MediaItems().Where(x => x.Media.Length > 0).ToList();
        var ci = Start(imagesOnly, modalities: "text", ("CI", "true"));
        var tests = _benchmark!.Tests(ci);

        var item = await Assert.ThrowsAnyAsync<Exception>(() => tests.RunItemAsync(_benchmark.Name, "chart-right"));
        var gate = await Assert.ThrowsAnyAsync<Exception>(() => tests.RunGateAsync(_benchmark.Name));
        await ci.DisposeAsync();

        Assert.StartsWith("BA2072: CI=true and every one of the 4 items of this run needs an input the subject 'media-model' does not declare", item.Message, StringComparison.Ordinal);
        Assert.Contains("BENCHAGENT_ALLOW_EMPTY_RUN=true", item.Message, StringComparison.Ordinal);
        Assert.StartsWith($"BA2072: CI=true and every one of the 4 items of benchmark '{_benchmark.Name}'", gate.Message, StringComparison.Ordinal);
        Assert.Empty(_server!.Requests);

        await using var optedOut = new BenchmarkRun(Environment(_server, ("CI", "true"), (EmptyRunPolicy.AllowEmptyRunVariable, "true")));
        string? skipped = await _benchmark.Tests(optedOut).RunItemAsync(_benchmark.Name, "chart-right");
        string? skippedGate = await _benchmark.Tests(optedOut).RunGateAsync(_benchmark.Name);
        Assert.StartsWith("BA2071: item 'chart-right'", skipped, StringComparison.Ordinal);
        Assert.StartsWith($"Every item of benchmark '{_benchmark.Name}' was skipped", skippedGate, StringComparison.Ordinal);
    }

    [Fact]
    public void A_subject_in_code_declares_its_modalities_on_the_attribute_and_the_variable_overrides_it()
    {
        using var declared = MediaBenchmark.Create("code-subject", MediaWireTests.MediaItems(), typeof(EchoSubjectFactory), InputModalities.Image | InputModalities.Audio);
        using var plain = MediaBenchmark.Create("code-plain", MediaWireTests.MediaItems(), typeof(EchoSubjectFactory));
        using var bare = MediaBenchmark.Create("no-code-subject", MediaWireTests.MediaItems());

        Assert.Equal(InputModalities.Image | InputModalities.Audio, new BenchmarkRun(_ => null).GetSubject(declared.Assembly).Modalities);
        Assert.Equal(InputModalities.TextOnly, new BenchmarkRun(_ => null).GetSubject(plain.Assembly).Modalities);
        Assert.Equal(InputModalities.Image, new BenchmarkRun(n => n == RunSettingsReader.SubjectModalitiesVariable ? "Text, IMAGE" : null).GetSubject(declared.Assembly).Modalities);
        // An endpoint is text-only unless declared; the random-guess baseline never looks at the input, so it takes all.
        Assert.Equal(InputModalities.TextOnly, new BenchmarkRun(n => n switch { "BENCHAGENT_SUBJECT_ENDPOINT" => "http://127.0.0.1:9/v1", "BENCHAGENT_SUBJECT_MODEL" => "m", _ => null }).GetSubject(bare.Assembly).Modalities);
        Assert.Equal(InputModalities.Image | InputModalities.Audio, new BenchmarkRun(n => n == "BENCHAGENT_SUBJECT_BASELINE" ? "random-guess" : null).GetSubject(bare.Assembly).Modalities);
    }

    private BenchmarkRun Start(IEnumerable<(BenchmarkItem, MediaContent[])> items, string? modalities, params (string Name, string Value)[] more)
    {
        _benchmark = MediaBenchmark.Create("media-skip", items);
        _server = OpenAiWireServer.Start(r => "Answer: " + Question().Match(r.LastUserText).Groups[1].Value);
        return new BenchmarkRun(Environment(_server, [(RunSettingsReader.SubjectModalitiesVariable, modalities!), .. more]));
    }

    private Func<string, string?> Environment(OpenAiWireServer server, params (string Name, string Value)[] more)
    {
        var environment = new Dictionary<string, string?>
        {
            ["BENCHAGENT_SUBJECT_ENDPOINT"] = server.BaseUrl,
            ["BENCHAGENT_SUBJECT_MODEL"] = "media-model",
            ["BENCHAGENT_SUBJECT_API_KEY"] = "sk-test",
            [RunSettingsReader.ResultsDirectoryVariable] = Path.Combine(_benchmark!.Root, "results"),
        };
        foreach (var (name, value) in more)
        {
            environment[name] = value;
        }

        return name => environment.GetValueOrDefault(name);
    }

    [GeneratedRegex(@"Question number (\d+)\?")]
    private static partial Regex Question();

    /// <summary>A subject in code (never called by these tests).</summary>
    public sealed class EchoSubjectFactory : IBenchmarkSubjectFactory
    {
        public IChatClient CreateSubject() => new BenchmarkAgent.Testing.Subjects.RandomGuessSubject(0);
    }
}
