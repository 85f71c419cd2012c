using BenchmarkAgent.Testing.Settings;
using System.Text.Json;
using BenchmarkAgent.Execution;
using BenchmarkAgent.Testing.Evaluation;
using BenchmarkAgent.Testing.Results;
using BenchmarkAgent.Testing.Running;
using BenchmarkAgent.Testing.Tests.Evaluation;
using BenchmarkAgent.Tests.Shared;

namespace BenchmarkAgent.Testing.Tests.Running;

/// <summary>The project's own evaluators (<c>[assembly: BenchmarkEvaluator]</c>) in a run, through the real subject client.</summary>
public sealed class BenchmarkRunEvaluatorTests
{
    private const string JudgeReply = """
        {"relevance": {"score": 5, "reason": "answers it"}, "coherence": {"score": 4, "reason": "clear"},
         "fluency": {"score": 5, "reason": "fine"}, "equivalence": {"score": 5, "reason": "same fact"},
         "completeness": {"score": 4, "reason": "mostly"}}
        """;

    /// <summary>An assembly that declares no benchmark, so only the items a test evaluates are asked.</summary>
    private static readonly System.Reflection.Assembly NoBenchmarks = typeof(Microsoft.Extensions.AI.IChatClient).Assembly;

    private static BenchmarkRun Run(TempFolder folder, OpenAiWireServer subject, EvaluatorRegistration evaluators, OpenAiWireServer? judge = null, params (string Name, string Value)[] extra)
    {
        var env = new Dictionary<string, string?>
        {
            ["BENCHAGENT_SUBJECT_ENDPOINT"] = subject.BaseUrl,
            ["BENCHAGENT_SUBJECT_MODEL"] = "subject-model",
            ["BENCHAGENT_SUBJECT_API_KEY"] = "sk-subject-secret",
            [RunSettingsReader.ConcurrencyVariable] = "1",
            [RunSettingsReader.CacheDirectoryVariable] = Path.Combine(folder.Path, "cache"),
            [RunSettingsReader.ResultsDirectoryVariable] = Path.Combine(folder.Path, "results"),
        };
        if (judge is not null)
        {
            env["BENCHAGENT_JUDGE_ENDPOINT"] = judge.BaseUrl;
            env["BENCHAGENT_JUDGE_MODEL"] = "judge-model";
            env["BENCHAGENT_JUDGE_API_KEY"] = "sk-judge-secret";
        }

        foreach (var (name, value) in extra)
        {
            env[name] = value;
        }

        return new BenchmarkRun(name => env.GetValueOrDefault(name)) { EvaluatorSource = _ => evaluators };
    }

    private static Task<string> ReadAsync(TempFolder folder, string file) =>
        File.ReadAllTextAsync(Path.Combine(folder.Path, "results", file), TestContext.Current.CancellationToken);

    [Fact]
    public async Task A_project_evaluator_scores_every_repeat_and_its_metrics_reach_every_report()
    {
        using var folder = new TempFolder();
        await using var subject = OpenAiWireServer.Start(r => r.Sequence == 1 ? "The answer is 4" : "Answer: 4");
        var registration = EvaluatorRegistration.From([typeof(ResponseFactsEvaluator)]);
        var run = Run(folder, subject, registration, extra: (RunSettingsReader.RepeatsVariable, "2"));
        var item = TestItems.Number("4");

        var outcome = await run.EvaluateAsync(NoBenchmarks, "bench", item, TestContext.Current.CancellationToken);
        run.Record(ItemResults.From("bench", item, "subject-model", outcome));
        await run.DisposeAsync();

        Assert.Null(outcome.Error);
        Assert.True(outcome.Score!.Passed); // the project's metrics do not change the score
        Assert.Equal(6, outcome.Metrics.Count); // three metrics, two repeats
        var words = outcome.Metrics.Where(m => m.Name == ResponseFactsEvaluator.Words).OrderBy(m => m.Repeat).ToList();
        Assert.Equal([2.0, 4.0], words.Select(m => m.Value!.Value).Order());
        Assert.All(words, m => Assert.Equal(MetricKind.Numeric, m.Kind));
        var mentions = outcome.Metrics.Where(m => m.Name == ResponseFactsEvaluator.MentionsReference).ToList();
        Assert.All(mentions, m => Assert.True(m.BooleanValue));
        Assert.Contains(outcome.Metrics, m => m.Name == ResponseFactsEvaluator.FirstWord && m.StringValue == "The");
        Assert.Null(Assert.IsType<ResponseFactsEvaluator>(Assert.Single(registration.Evaluators)).Calls.First().Judge);

        using var report = JsonDocument.Parse(await ReadAsync(folder, "report.json"));
        var itemMetrics = report.RootElement.GetProperty("results")[0].GetProperty("metrics").EnumerateArray().ToList();
        Assert.Contains(itemMetrics, m => m.GetProperty("name").GetString() == "Mentions reference" && m.GetProperty("booleanValue").GetBoolean() && m.GetProperty("kind").GetString() == "Boolean");
        Assert.Contains(itemMetrics, m => m.GetProperty("name").GetString() == "First word" && m.GetProperty("stringValue").GetString() == "The");
        foreach (string group in new[] { "benchmarks", "subtasks" })
        {
            var summary = Assert.Single(report.RootElement.GetProperty(group)[0].GetProperty("metrics").EnumerateArray());
            Assert.Equal("Words", summary.GetProperty("name").GetString());
            Assert.Equal(3, summary.GetProperty("mean").GetDouble());
            Assert.Equal(2, summary.GetProperty("count").GetInt32());
        }

        string markdown = await ReadAsync(folder, "report.md");
        Assert.Contains("| **bench** | Words | 3 | 2 | 4 | 2 | 0 |", markdown, StringComparison.Ordinal);
        string html = await ReadAsync(folder, "report.html");
        Assert.Contains("data-metric=\"Words\"", html, StringComparison.Ordinal);
        Assert.Contains("data-metric=\"Mentions reference\"", html, StringComparison.Ordinal);
        Assert.Contains("First word: The", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_a_judge_a_free_text_item_gets_both_and_the_project_evaluator_gets_the_judge()
    {
        using var folder = new TempFolder();
        await using var subject = OpenAiWireServer.Start(_ => "It boils at 100 degrees Celsius.");
        await using var judge = OpenAiWireServer.Start(_ => JudgeReply);
        var registration = EvaluatorRegistration.From([typeof(ResponseFactsEvaluator)]);
        await using var run = Run(folder, subject, registration, judge);
        var item = TestItems.Item(ExpectedAnswer.FreeText("100 degrees Celsius"), id: "free000001", prompt: "At what temperature does water boil?");

        var outcome = await run.EvaluateAsync(NoBenchmarks, "bench", item, TestContext.Current.CancellationToken);

        Assert.Null(outcome.Error);
        Assert.Equal(
            ["Coherence", "Completeness", "Equivalence", "First word", "Fluency", "Mentions reference", "Relevance", "Words"],
            outcome.Metrics.Select(m => m.Name).Order(StringComparer.Ordinal));
        Assert.Equal(MetricKind.Score, outcome.Metrics.Single(m => m.Name == "Equivalence").Kind);
        Assert.NotNull(Assert.Single(((ResponseFactsEvaluator)registration.Evaluators[0]).Calls).Judge);
        Assert.Single(judge.Requests);
        Assert.NotNull(outcome.JudgeTokens);
    }

    [Fact]
    public async Task A_throwing_project_evaluator_marks_its_metric_and_the_item_still_passes()
    {
        using var folder = new TempFolder();
        await using var subject = OpenAiWireServer.Start(_ => "Answer: 4");
        await using var run = Run(folder, subject, EvaluatorRegistration.From([typeof(ThrowingEvaluator)]));

        var outcome = await run.EvaluateAsync(NoBenchmarks, "bench", TestItems.Number("4"), TestContext.Current.CancellationToken);

        Assert.Null(outcome.Error);
        Assert.True(outcome.Score!.Passed);
        var metric = Assert.Single(outcome.Metrics);
        Assert.True(metric.HasError);
        Assert.True(metric.Failed);
        Assert.Contains("threw InvalidOperationException: the tokenizer file is missing", Assert.Single(metric.Diagnostics), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_registration_fails_every_item_with_BA2017()
    {
        using var folder = new TempFolder();
        await using var subject = OpenAiWireServer.Start(_ => "Answer: 4");
        await using var run = Run(folder, subject, EvaluatorRegistration.From([typeof(LengthEvaluator)]));

        var resolution = run.GetSubject(NoBenchmarks);

        Assert.Null(resolution.Client);
        Assert.StartsWith("BA2017: ", resolution.Error, StringComparison.Ordinal);
        Assert.Contains(typeof(LengthEvaluator).FullName!, resolution.Error, StringComparison.Ordinal);
        Assert.Empty(subject.Requests);
    }
}
