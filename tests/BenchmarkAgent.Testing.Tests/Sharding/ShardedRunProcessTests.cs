using System.Text.Json.Nodes;
using BenchmarkAgent.Testing.Sharding;

namespace BenchmarkAgent.Testing.Tests.Sharding;

/// <summary>
/// Issue 17, "Sharding in CI": 8 shard processes of a 4,000-item benchmark, merged by a real merge process
/// (BENCHAGENT_MERGE) of the same test assembly, against a whole run of the same items.
/// </summary>
public sealed class ShardedRunProcessTests(ShardedScenario scenario) : IClassFixture<ShardedScenario>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static List<(string Path, ShardFile File)> ShardFilesUnder(string folder) =>
        Directory.GetFiles(folder, ShardFiles.SearchPattern, SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .Select(p => (p, ShardFiles.Read(p, out string? error) ?? throw new InvalidOperationException(error)))
            .ToList();

    [Fact]
    public void The_union_of_the_8_shards_is_every_item_exactly_once_and_each_shard_ran_only_its_own_items()
    {
        TestContext.Current.TestOutputHelper?.WriteLine($"whole run {scenario.SingleTime.TotalSeconds:0.0}s; 8 parallel shards {scenario.ShardTime.TotalSeconds:0.0}s ({string.Join(", ", scenario.ShardRuns.Select(r => $"{r.Elapsed.TotalSeconds:0.0}s"))})");
        Assert.True(scenario.Single.ExitCode == 0, scenario.Single.ToString());
        Assert.All(scenario.ShardRuns, r => Assert.True(r.ExitCode == 0, r.ToString()));
        var files = ShardFilesUnder(scenario.ShardResults);

        Assert.Equal(Enumerable.Range(1, 8), files.Select(f => f.File.Shard).Order());
        Assert.All(files, f => Assert.Equal(8, f.File.ShardCount));
        var all = files.SelectMany(f => f.File.Results.Select(r => (r.Benchmark, r.ItemId))).ToList();
        var expected = ShardedWorkspace.Items(ShardedScenario.Items).Select(i => ("sharded", i.Id))
            .Concat(ShardedWorkspace.Items(3, "tiny").Select(i => ("tiny", i.Id))).ToList();
        Assert.Equal(expected.Count, all.Count);
        Assert.Equal(expected.ToHashSet(), all.ToHashSet());
        // The whole run and the 8 shards together asked the server for every item exactly twice: once each.
        Assert.Equal(2 * expected.Count, scenario.RequestsAfterShards);
        // Balanced: each shard holds 500 +- a few percent of the big benchmark.
        var sizes = files.Select(f => f.File.Benchmarks.Single(b => b.Name == "sharded").ShardItems).ToList();
        Assert.Equal(ShardedScenario.Items, sizes.Sum());
        Assert.All(sizes, s => Assert.InRange(s, 450, 550));
        // Each shard says in its output how many items it ran, and that its gate is left to the merge.
        for (int k = 1; k <= 8; k++)
        {
            int mine = files.Single(f => f.File.Shard == k).File.Results.Count(r => r.Benchmark == "sharded");
            Assert.Contains($"sharded (gate skipped in shard {k}/8: {mine} of 4000 items run here; the merge gates)", scenario.ShardRuns[k - 1].Output);
        }
    }

    [Fact]
    public async Task The_merged_reports_equal_the_single_run_reports_item_for_item_and_the_merge_calls_no_model()
    {
        string merged = Path.Combine(scenario.Workspace.Root, "merged");
        int before = scenario.Server.Requests.Count;

        var run = await scenario.Workspace.RunAsync(ShardedScenario.Merge(scenario.ShardResults, merged), Token);
        TestContext.Current.TestOutputHelper?.WriteLine($"merge run {run.Elapsed.TotalSeconds:0.0}s");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(before, scenario.Server.Requests.Count);
        var single = WithoutTiming(await File.ReadAllTextAsync(Path.Combine(scenario.SingleResults, "report.json"), Token));
        var fromShards = WithoutTiming(await File.ReadAllTextAsync(Path.Combine(merged, "report.json"), Token));
        var singleResults = single["results"]!.AsArray();
        var mergedResults = fromShards["results"]!.AsArray();
        Assert.Equal(4003, singleResults.Count);
        Assert.Equal(singleResults.Count, mergedResults.Count);
        for (int i = 0; i < singleResults.Count; i++)
        {
            Assert.True(JsonNode.DeepEquals(singleResults[i], mergedResults[i]), $"item {i}: {singleResults[i]!.ToJsonString()} vs {mergedResults[i]!.ToJsonString()}");
        }

        Assert.True(JsonNode.DeepEquals(single, fromShards), "the reports differ outside the items");
        Assert.Equal(
            await File.ReadAllTextAsync(Path.Combine(scenario.SingleResults, "report.md"), Token),
            await File.ReadAllTextAsync(Path.Combine(merged, "report.md"), Token));
        var gate = fromShards["baselines"]!.AsArray().Single(b => (string?)b!["benchmark"] == "sharded")!["gate"]!;
        Assert.True((bool)gate["gatePassed"]!);
        Assert.Equal(400, (int)gate["knownFailures"]!);
        Assert.Equal(3600, (int)gate["passed"]!);
        Assert.Contains("\"inputTokens\"", await File.ReadAllTextAsync(Path.Combine(merged, "report.json"), Token));
    }

    [Fact]
    public async Task A_planted_regression_fails_the_merged_gate_with_BA2088()
    {
        // The committed baseline says 120 items the server now answers wrongly passed before: a one-sided slide.
        scenario.Workspace.PlantBaseline(i => ShardedWorkspace.AnsweredWrongly(i) && i >= 1200);
        try
        {
            var run = await scenario.Workspace.RunAsync(ShardedScenario.Merge(scenario.ShardResults, Path.Combine(scenario.Workspace.Root, "merged-regression")), Token);

            Assert.NotEqual(0, run.ExitCode);
            Assert.Contains("BA2088: on the merged results of 8 shards: sharded: the gate failed.", run.Output);
            Assert.Contains("b=120 regressions, c=0 improvements", run.Output);
            Assert.Contains("SIGNIFICANT drop", run.Output);
            Assert.Contains("REGRESSION (passed in the baseline): sharded/part", run.Output);
            Assert.DoesNotContain("tiny: the gate failed", run.Output);
        }
        finally
        {
            scenario.Workspace.PlantBaseline(ShardedWorkspace.AnsweredWrongly);
        }
    }

    [Fact]
    public async Task A_missing_shard_fails_the_merge_with_BA2083_and_writes_no_report()
    {
        string folder = Path.Combine(scenario.Workspace.Root, "missing");
        foreach (var (path, file) in ShardFilesUnder(scenario.ShardResults).Where(f => f.File.Shard != 5))
        {
            Copy(path, Path.Combine(folder, $"artifact-{file.Shard}", Path.GetFileName(path)));
        }

        string results = Path.Combine(scenario.Workspace.Root, "merged-missing");
        var run = await scenario.Workspace.RunAsync(ShardedScenario.Merge(folder, results), Token);
        TestContext.Current.TestOutputHelper?.WriteLine($"merge run {run.Elapsed.TotalSeconds:0.0}s");

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("BA2083: shard 5/8 is missing (7 of 8 shard files found)", run.Output);
        Assert.False(File.Exists(Path.Combine(results, "report.json")), "a failed merge must not write a partial report");
    }

    [Fact]
    public async Task A_duplicated_shard_fails_the_merge_with_BA2084()
    {
        string folder = Path.Combine(scenario.Workspace.Root, "duplicated");
        var files = ShardFilesUnder(scenario.ShardResults);
        foreach (var (path, file) in files)
        {
            Copy(path, Path.Combine(folder, $"artifact-{file.Shard}", Path.GetFileName(path)));
        }

        // The shard-3 artifact downloaded a second time (a re-run job next to the first one).
        var third = files.Single(f => f.File.Shard == 3);
        Copy(third.Path, Path.Combine(folder, "artifact-3-rerun", Path.GetFileName(third.Path)));
        string results = Path.Combine(scenario.Workspace.Root, "merged-duplicated");

        var run = await scenario.Workspace.RunAsync(ShardedScenario.Merge(folder, results), Token);
        TestContext.Current.TestOutputHelper?.WriteLine($"merge run {run.Elapsed.TotalSeconds:0.0}s");

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("BA2084: shard 3/8 is in 2 files", run.Output);
        Assert.Contains("artifact-3-rerun", run.Output);
        Assert.False(File.Exists(Path.Combine(results, "report.json")));
    }

    [Fact]
    public void The_API_key_never_reaches_a_shard_file_or_a_report()
    {
        foreach (string file in Directory.GetFiles(scenario.Workspace.Root, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".json", StringComparison.Ordinal) || f.EndsWith(".md", StringComparison.Ordinal) || f.EndsWith(".html", StringComparison.Ordinal)))
        {
            Assert.DoesNotContain("sk-shard-secret", File.ReadAllText(file));
        }

        Assert.All(scenario.ShardRuns.Append(scenario.Single), r => Assert.DoesNotContain("sk-shard-secret", r.Output));
    }

    private static void Copy(string from, string to)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(to)!);
        File.Copy(from, to);
    }

    /// <summary>The report without its run timing fields (each item's latency).</summary>
    private static JsonNode WithoutTiming(string json)
    {
        var node = JsonNode.Parse(json)!;
        foreach (var result in node["results"]!.AsArray())
        {
            result!.AsObject().Remove("latency");
        }

        return node;
    }
}
