using System.Globalization;
using BenchmarkAgent.Testing.Baselines;
using BenchmarkAgent.Testing.Running;
using BenchmarkAgent.Testing.Settings;
using BenchmarkAgent.Tests.Shared;

namespace BenchmarkAgent.Testing.Tests.Running;

/// <summary>
/// <c>BENCHAGENT_BATCH=openai</c> through the real item and gate tests of <see cref="BenchmarkTestsBase"/>, in process, over
/// the 40-item fixture benchmark against an in-test files+batches server: round 1 records and submits, round 2 sees the
/// batch in progress, round 3 collects (one refused line is an error item), and an ordinary run afterwards makes no call.
/// </summary>
public sealed class ProviderBatchRunInProcessTests : IAsyncDisposable
{
    private const string Key = "sk-inproc-batch-7e6d5c4b3a29";
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "benchagent-batch-" + Guid.NewGuid().ToString("N"));
    private readonly OpenAiBatchServer _server = OpenAiBatchServer.Start(
        q => "Answer: " + int.Parse(q.Split(' ')[2].TrimEnd('?'), CultureInfo.InvariantCulture),
        q => q == "Question number 7?",
        inProgressPolls: 1);

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private BenchmarkRun Run(string? batch, string results)
    {
        var environment = new Dictionary<string, string?>
        {
            ["BENCHAGENT_SUBJECT_ENDPOINT"] = _server.BaseUri.ToString(),
            ["BENCHAGENT_SUBJECT_MODEL"] = "inproc-batch-model",
            ["BENCHAGENT_SUBJECT_API_KEY"] = Key,
            [RunSettingsReader.ResultsDirectoryVariable] = Path.Combine(_folder, results),
            [RunSettingsReader.CacheDirectoryVariable] = Path.Combine(_folder, "cache"),
            [RunSettingsReader.BatchDirectoryVariable] = Path.Combine(_folder, "batch"),
            [RunSettingsReader.BatchVariable] = batch,
            [RunSettingsReader.SubjectCacheVariable] = batch is null ? "true" : null,
        };
        return new BenchmarkRun(name => environment.GetValueOrDefault(name));
    }

    private static IEnumerable<string> ItemIds => GateFixture.Items().Select(i => i.Id);

    /// <summary>
    /// The outcome of every item through the run's real evaluation path. (The item test itself turns a pending outcome
    /// into Assert.Skip, which cannot be caught in process without skipping this test: the pending rounds are checked
    /// on the outcomes, with the same <see cref="BenchmarkRun.IsBatchPending"/> the item and gate tests use.)
    /// </summary>
    private static async Task<List<Exception?>> EvaluateAllAsync(BenchmarkRun run) =>
        [.. (await Task.WhenAll(GateFixture.Items().Select(item => run.EvaluateAsync(typeof(GateFixture).Assembly, GateFixture.Benchmark, item, TestContext.Current.CancellationToken)))).Select(o => o.Error)];

    private static async Task<Dictionary<string, Exception?>> RunItemsAsync(BenchmarkRun run, IEnumerable<string> ids)
    {
        var tests = new FixtureBenchmarks(run);
        var outcomes = new Dictionary<string, Exception?>();
        foreach (string id in ids)
        {
            try
            {
                await tests.Item(GateFixture.Benchmark, id);
                outcomes[id] = null;
            }
            catch (Exception ex)
            {
                outcomes[id] = ex;
            }
        }

        return outcomes;
    }

    private static bool IsSkip(Exception? ex) => ex is not null && ex.GetType().Name.Contains("Skip", StringComparison.Ordinal);


    [Fact]
    public async Task Items_are_pending_until_the_batch_is_collected_then_pass_from_the_cache_with_zero_live_calls()
    {
        // Round 1: every item is pending (the item test skips it, not fails it); the run ends by submitting one batch.
        var first = Run("openai", "r1");
        var pending = await EvaluateAllAsync(first);
        await first.DisposeAsync();
        Assert.Equal(40, pending.Count);
        Assert.All(pending, ex => Assert.True(BenchmarkRun.IsBatchPending(ex), ex?.ToString()));
        Assert.All(pending, ex => Assert.StartsWith("BA2110: the subject call is pending", ex!.Message, StringComparison.Ordinal));
        Assert.Equal((1, 1, 0), (_server.Uploads, _server.Creates, _server.LiveCalls));
        Assert.Equal(40, _server.UploadedInputs.Single().Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Empty(first.Results); // a pending item is no result: no error, no pass

        // Round 2: in progress; still pending, nothing sent again.
        var second = Run("openai", "r2");
        var waiting = await EvaluateAllAsync(second);
        Assert.All(waiting, ex => Assert.True(BenchmarkRun.IsBatchPending(ex), ex?.ToString()));
        Assert.Contains("in batch batch_0 (status in_progress, asked 1 time(s))", waiting[0]!.Message, StringComparison.Ordinal);
        await second.DisposeAsync();
        Assert.Equal((1, 1, 1), (_server.Uploads, _server.Creates, _server.Polls));

        // Round 3: completed; 39 items pass from the collected answers, the refused one is an error item.
        var third = Run("openai", "r3");
        var collected = await RunItemsAsync(third, ItemIds);
        await new FixtureBenchmarks(third).Benchmark(GateFixture.Benchmark); // 39/40 >= MinScore 0.5
        await third.DisposeAsync();
        Assert.All(collected.Where(c => c.Key != "item07"), c => Assert.Null(c.Value));
        Assert.False(IsSkip(collected["item07"]));
        Assert.Contains("BA2112", collected["item07"]!.Message, StringComparison.Ordinal);
        Assert.Equal(ItemVerdict.Error, third.Results.Single(r => r.ItemId == "item07").Verdict);
        Assert.Equal(39, third.Results.Count(r => r.Verdict == ItemVerdict.Pass));
        string json = await File.ReadAllTextAsync(Path.Combine(_folder, "r3", "report.json"), TestContext.Current.CancellationToken);
        Assert.Contains("BA2112", json, StringComparison.Ordinal);
        Assert.Equal(0, _server.LiveCalls);

        // Afterwards an ordinary run (no batch mode, subject cache on) replays every collected answer: zero live calls.
        var later = Run(null, "r4");
        var replayed = await RunItemsAsync(later, ItemIds.Where(id => id != "item07"));
        await later.DisposeAsync();
        Assert.All(replayed.Values, Assert.Null);
        // The only call an ordinary run may make is the refused item's (the run starts every item's call early).
        Assert.All(_server.LiveQuestions, q => Assert.Equal("Question number 7?", q));
        Assert.Equal(1, _server.Uploads);
        foreach (string file in Directory.EnumerateFiles(_folder, "*", SearchOption.AllDirectories))
        {
            Assert.DoesNotContain(Key, await File.ReadAllTextAsync(file, TestContext.Current.CancellationToken), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_wrong_batch_setting_is_BA2111()
    {
        var settings = RunSettingsReader.Read(name => name == RunSettingsReader.BatchVariable ? "anthropic" : null);

        var error = Assert.Single(settings.Errors);
        Assert.Equal("BA2111", error.Code);
        Assert.Contains("openai", error.Message, StringComparison.Ordinal);
        Assert.Null(settings.Batch);
        Assert.Equal(Models.BatchProvider.VllmFiles, RunSettingsReader.Read(name => name == RunSettingsReader.BatchVariable ? "VLLM" : null).Batch);
        Assert.Empty(RunSettingsReader.Read(name => name == RunSettingsReader.BatchVariable ? "off" : null).Errors);
    }

#pragma warning disable xUnit1000 // Not public on purpose: xUnit must not discover it; the tests above call it.
    private sealed class FixtureBenchmarks(BenchmarkRun run) : BenchmarkTestsBase(run);
#pragma warning restore xUnit1000
}
