using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using BenchmarkAgent.Tests.Shared;

namespace BenchmarkAgent.Testing.Tests.Sharding;

/// <summary>
/// Runs, once for the test class, the fixture test assembly over a 4,000-item benchmark against a deterministic
/// in-test OpenAI-wire server on 127.0.0.1: one whole run, then 8 shard processes (BENCHAGENT_SHARD=k/8) in parallel
/// writing into one shared results folder. The committed baseline matches the server (one item in ten failed).
/// </summary>
public sealed partial class ShardedScenario : IAsyncLifetime
{
    public const int Items = 4000;
    public const int Shards = 8;

    private OpenAiWireServer? _server;

    internal ShardedWorkspace Workspace { get; } = new(Items);

    public OpenAiWireServer Server => _server ?? throw new InvalidOperationException("not started");

    internal FixtureRun Single { get; private set; } = new(-1, string.Empty);

    internal IReadOnlyList<FixtureRun> ShardRuns { get; private set; } = [];

    public string SingleResults => Path.Combine(Workspace.Root, "single");

    public string ShardResults => Path.Combine(Workspace.Root, "shards");

    public int RequestsAfterShards { get; private set; }

    public TimeSpan SingleTime { get; private set; }

    public TimeSpan ShardTime { get; private set; }

    [GeneratedRegex(@"What is (\d+)\?")]
    private static partial Regex Question();

    public async ValueTask InitializeAsync()
    {
        _server = OpenAiWireServer.Start(r =>
        {
            int i = int.Parse(Question().Match(r.LastUserText).Groups[1].Value, CultureInfo.InvariantCulture);
            return "Answer: " + (ShardedWorkspace.AnsweredWrongly(i) ? i + 1000 : i);
        });
        Workspace.PlantBaseline(ShardedWorkspace.AnsweredWrongly);
        var token = TestContext.Current.CancellationToken;
        var clock = Stopwatch.StartNew();
        Single = await Workspace.RunAsync(Subject(SingleResults), token);
        SingleTime = clock.Elapsed;
        clock.Restart();
        ShardRuns = await Task.WhenAll(Enumerable.Range(1, Shards).Select(k =>
            Workspace.RunAsync(new Dictionary<string, string?>(Subject(ShardResults)) { ["BENCHAGENT_SHARD"] = $"{k}/{Shards}" }, token, "-reporter", "verbose")));
        ShardTime = clock.Elapsed;
        RequestsAfterShards = Server.Requests.Count;
    }

    /// <summary>The environment of a run against the server, under CI=true, writing reports to <paramref name="results"/>.</summary>
    public Dictionary<string, string?> Subject(string results) => new()
    {
        ["CI"] = "true",
        ["BENCHAGENT_SUBJECT_ENDPOINT"] = Server.BaseUrl,
        ["BENCHAGENT_SUBJECT_MODEL"] = ShardedWorkspace.Model,
        ["BENCHAGENT_SUBJECT_API_KEY"] = "sk-shard-secret-0123456789",
        ["BENCHAGENT_SUBJECT_CONCURRENCY"] = "32",
        ["BENCHAGENT_RESULTS_DIRECTORY"] = results,
    };

    /// <summary>The environment of a merge run: no subject at all, CI=true, the shard files under <paramref name="shardFolder"/>.</summary>
    public static Dictionary<string, string?> Merge(string shardFolder, string results) => new()
    {
        ["CI"] = "true",
        ["BENCHAGENT_MERGE"] = shardFolder,
        ["BENCHAGENT_RESULTS_DIRECTORY"] = results,
    };

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        Workspace.Dispose();
    }
}
