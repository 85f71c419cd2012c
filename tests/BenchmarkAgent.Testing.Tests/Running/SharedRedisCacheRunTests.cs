using System.Globalization;
using BenchmarkAgent.Models.Tests.Caching;
using BenchmarkAgent.Testing.Baselines;
using BenchmarkAgent.Testing.Running;
using BenchmarkAgent.Testing.Settings;
using BenchmarkAgent.Tests.Shared;

namespace BenchmarkAgent.Testing.Tests.Running;

/// <summary>
/// <c>BENCHAGENT_CACHE_REDIS</c> through the real item tests of <see cref="BenchmarkTestsBase"/> over the 40-item fixture
/// benchmark: a second run with another cache folder and results folder is answered from Redis with zero requests.
/// </summary>
public sealed class SharedRedisCacheRunTests : IAsyncDisposable
{
    private const string Key = "sk-redis-run-planted-91a8b7c6";
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "benchagent-redis-run-" + Guid.NewGuid().ToString("N"));

    public ValueTask DisposeAsync()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }

        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task A_second_run_in_another_folder_is_answered_from_redis_with_zero_requests()
    {
        await using var redis = await RedisServer.StartAsync("run-pa55word");
        await using var server = OpenAiWireServer.Start(r => "Answer: " + int.Parse(r.LastUserText.Split(' ')[2].TrimEnd('?'), CultureInfo.InvariantCulture));

        async Task<BenchmarkRun> RunAsync(string name)
        {
            var environment = new Dictionary<string, string?>
            {
                ["BENCHAGENT_SUBJECT_ENDPOINT"] = server.BaseUrl,
                ["BENCHAGENT_SUBJECT_MODEL"] = "redis-run-model",
                ["BENCHAGENT_SUBJECT_API_KEY"] = Key,
                [RunSettingsReader.SubjectCacheVariable] = "true",
                [RunSettingsReader.CacheRedisVariable] = redis.ConnectionString,
                [RunSettingsReader.CacheDirectoryVariable] = Path.Combine(_folder, name, "cache"),
                [RunSettingsReader.ResultsDirectoryVariable] = Path.Combine(_folder, name, "results"),
            };
            var run = new BenchmarkRun(variable => environment.GetValueOrDefault(variable));
            var tests = new FixtureBenchmarks(run);
            foreach (var item in GateFixture.Items())
            {
                await tests.Item(GateFixture.Benchmark, item.Id);
            }

            await run.DisposeAsync();
            return run;
        }

        var first = await RunAsync("first");
        Assert.Equal(40, server.Requests.Count);
        var second = await RunAsync("second");

        Assert.Equal(40, server.Requests.Count); // the second run made zero requests
        Assert.Equal(40, second.Results.Count(r => r.Verdict == ItemVerdict.Pass));
        Assert.Equal(first.Results.OrderBy(r => r.ItemId).Select(r => r.Response), second.Results.OrderBy(r => r.ItemId).Select(r => r.Response));
        Assert.False(Directory.Exists(Path.Combine(_folder, "second", "cache")), "the folder cache was not used");
        var entries = await redis.DumpAsync();
        Assert.Equal(40, entries.Count);
        Assert.All(entries, e => Assert.DoesNotContain(Key, e.Key + e.Value, StringComparison.Ordinal));
    }

#pragma warning disable xUnit1000 // Not public on purpose: xUnit must not discover it; the tests above call it.
    private sealed class FixtureBenchmarks(BenchmarkRun run) : BenchmarkTestsBase(run);
#pragma warning restore xUnit1000
}
