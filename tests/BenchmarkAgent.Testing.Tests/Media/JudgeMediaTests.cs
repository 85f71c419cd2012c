using BenchmarkAgent.Items;
using BenchmarkAgent.Media;
using BenchmarkAgent.Testing.Running;
using BenchmarkAgent.Testing.Settings;
using BenchmarkAgent.Tests.Shared;

namespace BenchmarkAgent.Testing.Tests.Media;

/// <summary>
/// Issue 15, evaluation: the LLM judge rates a media item with the same image the subject saw when the judge declares
/// images (on the wire: the same bytes); a judge without the modality rates without it, and every metric records that
/// (BA2073).
/// </summary>
public sealed class JudgeMediaTests : IAsyncDisposable
{
    private const string JudgeReply = """
        {"relevance": {"score": 5, "reason": "answers it"}, "coherence": {"score": 5, "reason": "clear"}, "fluency": {"score": 5, "reason": "fine"},
         "equivalence": {"score": 5, "reason": "same"}, "completeness": {"score": 5, "reason": "all"}}
        """;

    private readonly MediaBenchmark _benchmark = MediaBenchmark.Create("media-judge", Items());
    private OpenAiWireServer? _subject;
    private OpenAiWireServer? _judge;

    public async ValueTask DisposeAsync()
    {
        if (_subject is not null)
        {
            await _subject.DisposeAsync();
        }

        if (_judge is not null)
        {
            await _judge.DisposeAsync();
        }

        _benchmark.Dispose();
    }

    [Fact]
    public async Task A_judge_that_declares_images_gets_the_items_image_with_its_request()
    {
        await using var run = Start("text,image");

        Assert.Null(await _benchmark.Tests(run).RunItemAsync(_benchmark.Name, "describe"));

        var request = Assert.Single(_judge!.Requests);
        var part = Assert.Single(WirePart.OfLastUserMessage(request.Body));
        Assert.Equal("image_url", part.Type);
        Assert.Equal(_benchmark.Item("describe").Media[0].Sha256, part.Sha256);
        Assert.Contains("media file(s) follow this text", request.LastUserText, StringComparison.Ordinal);
        var metrics = run.Results.Single().Metrics!;
        Assert.NotEmpty(metrics);
        Assert.All(metrics, m => Assert.DoesNotContain(m.Diagnostics, d => d.Contains("BA2073", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_text_only_judge_rates_without_the_image_and_each_metric_records_that_it_did_not_see_it()
    {
        await using var run = Start(judgeModalities: null);

        Assert.Null(await _benchmark.Tests(run).RunItemAsync(_benchmark.Name, "describe"));

        var request = Assert.Single(_judge!.Requests);
        Assert.Empty(WirePart.OfLastUserMessage(request.Body));
        Assert.DoesNotContain("image_url", request.Body, StringComparison.Ordinal);
        // The subject saw the image all the same.
        Assert.Equal("image_url", Assert.Single(WirePart.OfLastUserMessage(Assert.Single(_subject!.Requests).Body)).Type);
        var metrics = run.Results.Single().Metrics!;
        Assert.NotEmpty(metrics);
        Assert.All(metrics, m => Assert.Contains(m.Diagnostics, d => d.StartsWith("Informational: BA2073: the judge rated without the item's image (1 file(s))", StringComparison.Ordinal)));
        Assert.All(metrics, m => Assert.False(m.HasError));
    }

    private BenchmarkRun Start(string? judgeModalities)
    {
        _subject = OpenAiWireServer.Start(_ => "The left half is red and the right half is blue.");
        _judge = OpenAiWireServer.Start(_ => JudgeReply);
        var environment = new Dictionary<string, string?>
        {
            ["BENCHAGENT_SUBJECT_ENDPOINT"] = _subject.BaseUrl,
            ["BENCHAGENT_SUBJECT_MODEL"] = "subject-model",
            ["BENCHAGENT_SUBJECT_API_KEY"] = "sk-subject",
            ["BENCHAGENT_JUDGE_ENDPOINT"] = _judge.BaseUrl,
            ["BENCHAGENT_JUDGE_MODEL"] = "judge-model",
            ["BENCHAGENT_JUDGE_API_KEY"] = "sk-judge",
            [RunSettingsReader.JudgeCacheVariable] = "false",
            [RunSettingsReader.SubjectModalitiesVariable] = "text,image",
            [RunSettingsReader.JudgeModalitiesVariable] = judgeModalities,
            [RunSettingsReader.ResultsDirectoryVariable] = Path.Combine(_benchmark.Root, "results"),
        };
        return new BenchmarkRun(name => environment.GetValueOrDefault(name));
    }

    private static IEnumerable<(BenchmarkItem Item, MediaContent[] Media)> Items()
    {
        yield return (
            TestItems.Item(ExpectedAnswer.FreeText("The left half is red and the right half is blue."), id: "describe", prompt: "Describe the two halves of the image."),
            [MediaContent.Create(MediaKind.Image, MediaTypes.Png, TinyMedia.TwoColourPng(32, 16, (220, 20, 20), (20, 20, 220)))]);
    }
}
