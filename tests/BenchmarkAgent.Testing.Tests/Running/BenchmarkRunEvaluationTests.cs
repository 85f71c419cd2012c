using BenchmarkAgent.Testing.Settings;
using BenchmarkAgent.Execution;
using BenchmarkAgent.Testing.Evaluation;
using BenchmarkAgent.Testing.Running;
using BenchmarkAgent.Tests.Shared;
using BenchmarkAgent.Testing.Results;
using BenchmarkAgent.Items;

namespace BenchmarkAgent.Testing.Tests.Running;

public sealed class BenchmarkRunEvaluationTests
{
    private const string Reference = "Water boils at 100 degrees Celsius at sea level.";

    private const string JudgeReply = """
        {"relevance": {"score": 5, "reason": "answers it"}, "coherence": {"score": 4, "reason": "clear"},
         "fluency": {"score": 5, "reason": "fine"}, "equivalence": {"score": 5, "reason": "same fact"},
         "completeness": {"score": 4, "reason": "mostly"}}
        """;

    private static readonly BenchmarkItem FreeTextItem = TestItems.Item(ExpectedAnswer.FreeText(Reference), id: "free000001", prompt: "At what temperature does water boil?");

    private static BenchmarkRun Run(TempFolder folder, OpenAiWireServer subject, OpenAiWireServer? judge = null, params (string Name, string Value)[] extra)
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

        return new BenchmarkRun(name => env.GetValueOrDefault(name));
    }

    /// <summary>
    /// An assembly that declares no benchmark: the run schedules every item of its test assembly on first use, and this
    /// test assembly declares the gate fixture, whose calls would mix with the counted ones.
    /// </summary>
    private static readonly System.Reflection.Assembly NoBenchmarks = typeof(Microsoft.Extensions.AI.IChatClient).Assembly;

    private static int Words(string text) => text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;

    private static Task<ItemOutcome> Evaluate(BenchmarkRun run, BenchmarkItem item) =>
        run.EvaluateAsync(NoBenchmarks, "bench", item, TestContext.Current.CancellationToken);

    [Fact]
    public async Task Each_repeat_is_a_separate_call_and_is_reported_as_pass_at_k_majority_and_mean()
    {
        using var folder = new TempFolder();
        await using var subject = OpenAiWireServer.Start(r => r.Sequence == 1 ? "Answer: 5" : "Answer: 4");
        await using var run = Run(folder, subject, extra: (RunSettingsReader.RepeatsVariable, "3"));

        var outcome = await Evaluate(run, TestItems.Number("4"));

        Assert.Null(outcome.Error);
        Assert.Equal(3, subject.Requests.Count);
        Assert.Equal(["Answer: 4", "Answer: 5", "Answer: 4"], outcome.Responses);
        var repeats = outcome.Repeats!;
        Assert.Equal(3, repeats.Repeats);
        Assert.Equal(2, repeats.Passed);
        Assert.True(repeats.PassAtK);
        Assert.True(repeats.Majority);
        Assert.Equal(2.0 / 3, repeats.MeanScore, precision: 10);
        Assert.True(outcome.Score!.Passed);
        Assert.Equal(2.0 / 3, outcome.Score.Value, precision: 10);
    }

    [Fact]
    public async Task The_tokens_the_endpoint_reports_are_summed_over_repeats_and_reach_every_report()
    {
        using var folder = new TempFolder();
        // The wire server reports one token per word: prompt = words of every message, answer = words of the reply.
        await using var subject = OpenAiWireServer.Start(r => r.Sequence == 1 ? "The answer is 4" : "Answer: 4");
        var run = Run(folder, subject, extra: (RunSettingsReader.RepeatsVariable, "3"));
        var item = TestItems.Number("4");

        var outcome = await Evaluate(run, item);
        run.Record(ItemResults.From("bench", item, "subject-model", outcome));
        await run.DisposeAsync();

        long promptWords = subject.Requests.Sum(r => r.Messages.Sum(m => m.Content.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length));
        Assert.Equal(new TokenCounts(promptWords, 2 + 4 + 2), outcome.Tokens);
        string json = await File.ReadAllTextAsync(Path.Combine(folder.Path, "results", "report.json"), TestContext.Current.CancellationToken);
        Assert.Contains($"\"inputTokens\": {promptWords},", json, StringComparison.Ordinal);
        Assert.Contains("\"outputTokens\": 8,", json, StringComparison.Ordinal);
        Assert.Contains($"\"totalTokens\": {promptWords + 8}", json, StringComparison.Ordinal);
        string markdown = await File.ReadAllTextAsync(Path.Combine(folder.Path, "results", "report.md"), TestContext.Current.CancellationToken);
        Assert.Contains(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Tokens used by the subject (input / output): bench {promptWords:N0} / 8"), markdown, StringComparison.Ordinal);
        string html = await File.ReadAllTextAsync(Path.Combine(folder.Path, "results", "report.html"), TestContext.Current.CancellationToken);
        Assert.Contains(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Tokens (input / output): subject {promptWords:N0} / 8 · judge not reported</p>"), html, StringComparison.Ordinal);
        Assert.Contains(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"<td class=\"num tokens\">{promptWords:N0} / 8</td>"), html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task One_pass_in_three_repeats_is_pass_at_k_but_not_a_majority_so_the_item_fails()
    {
        using var folder = new TempFolder();
        await using var subject = OpenAiWireServer.Start(r => r.Sequence == 2 ? "Answer: 4" : "Answer: 9");
        await using var run = Run(folder, subject, extra: (RunSettingsReader.RepeatsVariable, "3"));

        var outcome = await Evaluate(run, TestItems.Number("4"));

        Assert.True(outcome.Repeats!.PassAtK);
        Assert.False(outcome.Repeats.Majority);
        Assert.False(outcome.Score!.Passed);
        Assert.Equal(1.0 / 3, outcome.Score.Value, precision: 10);
    }

    [Fact]
    public async Task A_free_text_item_gets_judge_metrics_and_the_rubric_passes_a_low_f1_paraphrase()
    {
        using var folder = new TempFolder();
        await using var subject = OpenAiWireServer.Start(_ => "At sea level it boils once it reaches a hundred degrees C.");
        await using var judge = OpenAiWireServer.Start(_ => JudgeReply);
        var run = Run(folder, subject, judge);

        var outcome = await Evaluate(run, FreeTextItem);
        run.Record(ItemResults.From("bench", FreeTextItem, "subject-model", outcome));
        await run.DisposeAsync();

        Assert.Null(outcome.Error);
        Assert.Equal(["Coherence", "Completeness", "Equivalence", "Fluency", "Relevance"], outcome.Metrics.Select(m => m.Name));
        var equivalence = outcome.Metrics.Single(m => m.Name == "Equivalence");
        Assert.Equal(5, equivalence.Value);
        Assert.Equal("Exceptional", equivalence.Rating);
        Assert.Equal("same fact", equivalence.Reason);
        Assert.True(outcome.Score!.Passed);
        Assert.Equal(1, outcome.Score.Value);
        var judged = Assert.Single(judge.Requests);
        Assert.Contains(Reference, judged.LastUserText, StringComparison.Ordinal);
        // The wire server counts one token per word: the judge's prompt and its reply.
        long judgePrompt = judged.Messages.Sum(m => Words(m.Content));
        Assert.Equal(new TokenCounts(judgePrompt, Words(JudgeReply)), outcome.JudgeTokens);

        string report = await File.ReadAllTextAsync(Path.Combine(folder.Path, "results", "report.json"), TestContext.Current.CancellationToken);
        Assert.Contains("\"metrics\"", report, StringComparison.Ordinal);
        Assert.Contains("\"rating\": \"Exceptional\"", report, StringComparison.Ordinal);
        Assert.Contains("\"passAtK\": true", report, StringComparison.Ordinal);
        Assert.Contains("\"judgeTokens\": {", report, StringComparison.Ordinal);
        string markdown = await File.ReadAllTextAsync(Path.Combine(folder.Path, "results", "report.md"), TestContext.Current.CancellationToken);
        Assert.Contains(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Tokens used by the judge (input / output): bench {judgePrompt:N0} / {Words(JudgeReply):N0}"), markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", report, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_item_with_a_passage_is_also_judged_for_groundedness_against_it()
    {
        const string Passage = "Water boils at 100 degrees Celsius at sea level.";
        using var folder = new TempFolder();
        await using var subject = OpenAiWireServer.Start(_ => "At sea level it boils once it reaches a hundred degrees C.");
        await using var judge = OpenAiWireServer.Start(_ => JudgeReply.Replace("\"completeness\"", "\"groundedness\": {\"score\": 2, \"reason\": \"adds nothing unsupported, but vague\"}, \"completeness\"", StringComparison.Ordinal));
        await using var run = Run(folder, subject, judge);
        var item = FreeTextItem with { Context = Passage };

        var outcome = await Evaluate(run, item);

        Assert.Null(outcome.Error);
        Assert.Equal(["Coherence", "Completeness", "Equivalence", "Fluency", "Groundedness", "Relevance"], outcome.Metrics.Select(m => m.Name).Order(StringComparer.Ordinal));
        var groundedness = outcome.Metrics.Single(m => m.Name == "Groundedness");
        Assert.Equal(2, groundedness.Value);
        Assert.True(groundedness.Failed);
        Assert.Contains(Passage, Assert.Single(judge.Requests).LastUserText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Malformed_judge_output_gives_failed_metrics_and_the_token_f1_score_stands()
    {
        using var folder = new TempFolder();
        await using var subject = OpenAiWireServer.Start(_ => "It boils at a hundred.");
        await using var judge = OpenAiWireServer.Start(_ => "Sure! Equivalence is 5.");
        await using var run = Run(folder, subject, judge);

        var outcome = await Evaluate(run, FreeTextItem);

        Assert.Null(outcome.Error);
        Assert.Equal(5, outcome.Metrics.Count);
        Assert.All(outcome.Metrics, m =>
        {
            Assert.True(m.Failed);
            Assert.Null(m.Value);
            Assert.NotEmpty(m.Diagnostics);
        });
        Assert.False(outcome.Score!.Passed);
        Assert.Contains("Token F1", outcome.Score.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failing_judge_call_fails_the_item_closed_as_an_error()
    {
        using var folder = new TempFolder();
        await using var subject = OpenAiWireServer.Start(_ => Reference);
        await using var judge = OpenAiWireServer.Start(_ => JudgeReply, failWith: _ => 400);
        await using var run = Run(folder, subject, judge);

        var outcome = await Evaluate(run, FreeTextItem);

        Assert.NotNull(outcome.Error);
        Assert.Null(outcome.Score);
        Assert.Contains("judge", outcome.Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_judge_cache_is_on_by_default_and_the_subject_cache_only_on_request()
    {
        using var folder = new TempFolder();
        await using var subject = OpenAiWireServer.Start(_ => "It boils at one hundred degrees Celsius.");
        await using var judge = OpenAiWireServer.Start(_ => JudgeReply);
        for (int runs = 0; runs < 2; runs++)
        {
            await using var run = Run(folder, subject, judge);
            await Evaluate(run, FreeTextItem);
        }

        Assert.Equal(2, subject.Requests.Count);
        Assert.Single(judge.Requests);

        for (int runs = 0; runs < 2; runs++)
        {
            await using var run = Run(folder, subject, judge, (RunSettingsReader.SubjectCacheVariable, "true"));
            await Evaluate(run, FreeTextItem);
        }

        Assert.Equal(3, subject.Requests.Count);
        var files = Directory.GetFiles(Path.Combine(folder.Path, "cache"), "*.json", SearchOption.AllDirectories);
        Assert.All(files, f => Assert.DoesNotContain("secret", File.ReadAllText(f), StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_subject_temperature_and_max_tokens_reach_the_wire_and_stay_unset_by_default()
    {
        using var folder = new TempFolder();
        await using var subject = OpenAiWireServer.Start(_ => "Answer: 4");
        await using var configured = Run(folder, subject, extra: [(RunSettingsReader.SubjectTemperatureVariable, "0"), (RunSettingsReader.SubjectMaxTokensVariable, "64")]);

        await Evaluate(configured, TestItems.Number("4"));
        var sent = Assert.Single(subject.Requests);
        await using var plain = Run(folder, subject);
        await Evaluate(plain, TestItems.Number("4") with { Id = "other" });

        Assert.Equal(0, sent.Temperature);
        Assert.Contains("\"max_completion_tokens\":64", sent.Body, StringComparison.Ordinal);
        var unset = subject.Requests[1];
        Assert.Null(unset.Temperature);
        Assert.DoesNotContain("max_completion_tokens", unset.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_subject_rate_limit_spaces_the_calls_of_the_run()
    {
        using var folder = new TempFolder();
        await using var subject = OpenAiWireServer.Start(_ => "Answer: 4");
        // 600 requests per minute: one call every 100 ms, whatever the concurrency (4 here).
        await using var run = Run(folder, subject, extra: [(RunSettingsReader.ConcurrencyVariable, "4"), (RunSettingsReader.SubjectRateLimitVariable, "600")]);
        var items = Enumerable.Range(0, 5).Select(i => TestItems.Number("4") with { Id = $"rate{i}" }).ToList();

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var outcomes = await Task.WhenAll(items.Select(i => Evaluate(run, i)));
        var elapsed = clock.Elapsed;

        Assert.All(outcomes, o => Assert.True(o.Score!.Passed));
        Assert.Equal(5, subject.Requests.Count);
        Assert.True(elapsed >= TimeSpan.FromMilliseconds(390), $"5 calls at 600/min took only {elapsed.TotalMilliseconds:0} ms");
    }

    [Theory]
    [InlineData(null, 4)]
    [InlineData("1", 1)]
    public async Task Judge_calls_in_flight_follow_the_judge_concurrency_or_else_the_subject_concurrency(string? judgeConcurrency, int expectedMax)
    {
        using var folder = new TempFolder();
        await using var subject = OpenAiWireServer.Start(r => "It boils at a hundred degrees. " + r.LastUserText);
        await using var judge = OpenAiWireServer.Start(_ => JudgeReply, latency: TimeSpan.FromMilliseconds(150));
        var extra = new List<(string, string)> { (RunSettingsReader.ConcurrencyVariable, "4"), (RunSettingsReader.JudgeCacheVariable, "false") };
        if (judgeConcurrency is not null)
        {
            extra.Add((RunSettingsReader.JudgeConcurrencyVariable, judgeConcurrency));
        }

        await using var run = Run(folder, subject, judge, [.. extra]);
        var items = Enumerable.Range(0, 8).Select(i => FreeTextItem with { Id = $"free{i}", Prompt = $"Question {i}: when does water boil?" }).ToList();

        var outcomes = await Task.WhenAll(items.Select(i => Evaluate(run, i)));

        Assert.All(outcomes, o => Assert.Null(o.Error));
        Assert.Equal(8, judge.Requests.Count);
        Assert.Equal(expectedMax, judge.MaxConcurrentRequests);
    }

    [Theory]
    [InlineData(RunSettingsReader.RepeatsVariable, "0", "BA2010")]
    [InlineData(RunSettingsReader.RepeatsVariable, "101", "BA2010")]
    [InlineData(RunSettingsReader.RepeatsVariable, "twice", "BA2010")]
    [InlineData(RunSettingsReader.SubjectCacheVariable, "yes", "BA2012")]
    [InlineData(RunSettingsReader.JudgeCacheVariable, "1", "BA2012")]
    [InlineData("BENCHAGENT_JUDGE_MODEL", "judge-model", "BA2013")]
    [InlineData(RunSettingsReader.JudgeConcurrencyVariable, "0", "BA2014")]
    [InlineData(RunSettingsReader.JudgeConcurrencyVariable, "1025", "BA2014")]
    [InlineData(RunSettingsReader.JudgeConcurrencyVariable, "lots", "BA2014")]
    [InlineData(RunSettingsReader.SubjectTemperatureVariable, "2.5", "BA2016")]
    [InlineData(RunSettingsReader.SubjectTemperatureVariable, "warm", "BA2016")]
    [InlineData(RunSettingsReader.SubjectMaxTokensVariable, "0", "BA2016")]
    [InlineData(RunSettingsReader.SubjectMaxTokensVariable, "1.5", "BA2016")]
    [InlineData(RunSettingsReader.SubjectRateLimitVariable, "0", "BA2015")]
    [InlineData(RunSettingsReader.SubjectRateLimitVariable, "fast", "BA2015")]
    [InlineData(RunSettingsReader.JudgeRateLimitVariable, "-60", "BA2015")]
    [InlineData(RunSettingsReader.JudgeRateLimitVariable, "2000000", "BA2015")]
    public async Task Invalid_settings_fail_closed_with_a_stable_code(string variable, string value, string code)
    {
        using var folder = new TempFolder();
        await using var subject = OpenAiWireServer.Start(_ => "Answer: 4");
        await using var run = Run(folder, subject, extra: (variable, value));

        var resolution = run.GetSubject(typeof(BenchmarkRunEvaluationTests).Assembly);

        Assert.Null(resolution.Client);
        Assert.StartsWith(code, resolution.Error, StringComparison.Ordinal);
    }
}
