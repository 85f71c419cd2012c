using System.Globalization;
using System.Text.Json.Nodes;
using BenchmarkAgent.Testing.Running;
using BenchmarkAgent.Testing.Settings;
using BenchmarkAgent.Testing.Sharding;
using BenchmarkAgent.Testing.Tests.Running;
using BenchmarkAgent.Tests.Shared;

namespace BenchmarkAgent.Testing.Tests.Sharding;

/// <summary>
/// Shard and merge runs of the real item and gate tests of <see cref="BenchmarkTestsBase"/>, in-process over the
/// 40-item fixture benchmark against an in-test OpenAI-wire server (item i is answered wrongly when i % 5 == 2).
/// </summary>
public sealed class InProcessShardTests : IAsyncDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "benchagent-inproc-shards-" + Guid.NewGuid().ToString("N"));
    private readonly OpenAiWireServer _server = OpenAiWireServer.Start(r =>
    {
        int i = int.Parse(r.LastUserText.Split(' ')[2].TrimEnd('?'), CultureInfo.InvariantCulture);
        return "Answer: " + (i % 5 == 2 ? i + 1000 : i);
    });

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private BenchmarkRun Run(string results, params (string Name, string Value)[] extra)
    {
        var environment = new Dictionary<string, string?>
        {
            ["BENCHAGENT_SUBJECT_ENDPOINT"] = _server.BaseUrl,
            ["BENCHAGENT_SUBJECT_MODEL"] = "inproc-shards",
            ["BENCHAGENT_SUBJECT_API_KEY"] = "sk-test",
            [RunSettingsReader.ResultsDirectoryVariable] = Path.Combine(_root, results),
        };
        foreach (var (name, value) in extra)
        {
            environment[name] = value;
        }

        return new BenchmarkRun(name => environment.GetValueOrDefault(name));
    }

    [Theory]
    [InlineData("0/8")]
    [InlineData("9/8")]
    [InlineData("a/b")]
    [InlineData("3")]
    public async Task An_invalid_shard_fails_the_item_and_gate_tests_with_BA2080(string shard)
    {
        var run = Run("invalid", (RunSettingsReader.ShardVariable, shard));
        var tests = new FixtureBenchmarks(run);

        var item = await Assert.ThrowsAnyAsync<Exception>(() => tests.Item(GateFixture.Benchmark, "item00"));
        var gate = await Assert.ThrowsAnyAsync<Exception>(() => tests.Benchmark(GateFixture.Benchmark));
        await run.DisposeAsync();

        Assert.StartsWith($"BA2080: BENCHAGENT_SHARD must be k/n", item.Message);
        Assert.Contains($"it is '{shard}'", item.Message);
        Assert.StartsWith("BA2080:", gate.Message);
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task Shard_and_merge_together_fail_every_test_with_BA2081_and_call_nothing()
    {
        var run = Run("both", (RunSettingsReader.ShardVariable, "1/2"), (RunSettingsReader.MergeVariable, _root));

        var item = await Assert.ThrowsAnyAsync<Exception>(() => new FixtureBenchmarks(run).Item(GateFixture.Benchmark, "item00"));
        await run.DisposeAsync();

        Assert.StartsWith("BA2081:", item.Message);
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task Two_in_process_shards_then_a_merge_give_every_item_once_and_gate_the_whole()
    {
        var items = GateFixture.Items();
        for (int k = 1; k <= 2; k++)
        {
            var shard = new Shard(k, 2);
            var run = Run("shards", (RunSettingsReader.ShardVariable, shard.ToString()));
            var tests = new FixtureBenchmarks(run);
            foreach (var item in items.Where(i => shard.Contains(GateFixture.Benchmark, i.Id)))
            {
                try
                {
                    await tests.Item(GateFixture.Benchmark, item.Id);
                }
                catch (Exception ex) when (ex.Message.Contains("expected", StringComparison.Ordinal))
                {
                    // The wrongly answered items fail their tests, as in a whole run.
                }
            }

            await tests.Benchmark(GateFixture.Benchmark); // a shard's gate passes: it only reports how many items ran
            await run.DisposeAsync();
        }

        Assert.Equal(40, _server.Requests.Count);
        var merge = Run("merged", (RunSettingsReader.MergeVariable, Path.Combine(_root, "shards")));
        var merged = new FixtureBenchmarks(merge);
        foreach (var item in items)
        {
            try
            {
                await merged.Item(GateFixture.Benchmark, item.Id);
            }
            catch (Exception ex) when (ex.Message.Contains("expected", StringComparison.Ordinal))
            {
            }
        }

        await merged.Benchmark(GateFixture.Benchmark); // 32/40 = 0.8 >= MinScore 0.5
        await merge.DisposeAsync();

        Assert.Equal(40, _server.Requests.Count); // the merge called nothing
        var report = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(_root, "merged", "report.json"), TestContext.Current.CancellationToken))!;
        Assert.Equal(40, report["results"]!.AsArray().Count);
        Assert.Equal(items.Select(i => i.Id).Order(StringComparer.Ordinal), report["results"]!.AsArray().Select(r => (string)r!["itemId"]!));
        var gate = report["baselines"]![0]!["gate"]!;
        Assert.Equal(32, (int)gate["passed"]!);
        Assert.True((bool)gate["gatePassed"]!);
    }

#pragma warning disable xUnit1000 // Not public on purpose: xUnit must not discover it; the tests above call it.
    private sealed class FixtureBenchmarks(BenchmarkRun run) : BenchmarkTestsBase(run);
#pragma warning restore xUnit1000
}
