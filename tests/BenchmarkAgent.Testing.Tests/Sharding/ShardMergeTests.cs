using System.Text.Json;
using BenchmarkAgent.Testing.Baselines;
using BenchmarkAgent.Testing.Evaluation;
using BenchmarkAgent.Testing.Results;
using BenchmarkAgent.Testing.Scoring;
using BenchmarkAgent.Testing.Sharding;

namespace BenchmarkAgent.Testing.Tests.Sharding;

public sealed class ShardMergeTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static readonly Dictionary<string, IReadOnlyList<string>> Project = new(StringComparer.Ordinal)
    {
        ["alpha"] = Enumerable.Range(0, 60).Select(i => ShardedWorkspace.Id(i)).ToList(),
        ["beta|β"] = ["only one", "two\ttabs", "три"],
    };

    private static ItemResult Result(string benchmark, string id, string subject = "model-x", bool passed = true, string? error = null) =>
        new(benchmark, "part", id, "easy", subject, error is null ? "Answer: 4" : string.Empty,
            error is null ? new ItemScore(passed ? 1 : 0, passed, "4", "4", "numeric match") : null, error, TimeSpan.FromMilliseconds(12.5),
            new RepeatSummary(3, 2, true, true, 2 / 3.0, [1, 0, 1]),
            [new MetricReport(0, "Relevance", 4, "Good", false, "on point", ["Informational: ok"]) { Kind = MetricKind.Score }])
        {
            Tokens = new TokenCounts(17, 3),
            JudgeTokens = new TokenCounts(120, 40),
            Verdict = ItemVerdict.Pass,
        };

    /// <summary>The shard files of <paramref name="n"/> shards over <paramref name="project"/>, as shard runs write them.</summary>
    private static List<(string Path, ShardFile File)> Shards(int n, IReadOnlyDictionary<string, IReadOnlyList<string>>? project = null, string subject = "model-x")
    {
        project ??= Project;
        return Enumerable.Range(1, n).Select(k =>
        {
            var shard = new Shard(k, n);
            var benchmarks = project.Select(p => new ShardBenchmark(p.Key, p.Value.Count, p.Value.Count(id => shard.Contains(p.Key, id)), ShardAssignment.ItemSetHash(p.Value))).ToList();
            var results = project.SelectMany(p => p.Value.Where(id => shard.Contains(p.Key, id)).Select(id => Result(p.Key, id, subject))).ToList();
            return ($"/shards/{k}/{shard.FileName}", new ShardFile(ShardFile.CurrentSchema, k, n, subject, benchmarks, results));
        }).ToList();
    }

    [Fact]
    public void Complete_shards_merge_into_every_item_exactly_once()
    {
        var merged = ShardMerge.Merge(Shards(4), Project);

        Assert.Null(merged.Error);
        Assert.Equal(4, merged.Shards);
        Assert.Equal("model-x", merged.Subject);
        Assert.Equal(63, merged.Results.Count);
        Assert.All(Project.SelectMany(p => p.Value.Select(id => (p.Key, id))), key => Assert.NotNull(merged.Get(key.Key, key.id)));
    }

    [Fact]
    public void More_shards_than_items_still_merge_with_empty_shards()
    {
        var small = new Dictionary<string, IReadOnlyList<string>> { ["tiny"] = ["a", "b"] };

        var merged = ShardMerge.Merge(Shards(16, small), small);

        Assert.Null(merged.Error);
        Assert.Equal(2, merged.Results.Count);
    }

    [Fact]
    public void Missing_shards_are_BA2083_naming_each()
    {
        var shards = Shards(5);
        shards.RemoveAll(s => s.File.Shard is 2 or 4);

        var merged = ShardMerge.Merge(shards, Project);

        Assert.StartsWith("BA2083: shard 2/5, 4/5 are missing (3 of 5 shard files found)", merged.Error);
        Assert.Empty(merged.Results);
    }

    [Fact]
    public void A_duplicated_shard_is_BA2084_naming_both_files()
    {
        var shards = Shards(3);
        shards.Add(("/elsewhere/again.json", shards[1].File));

        var merged = ShardMerge.Merge(shards, Project);

        Assert.StartsWith("BA2084: shard 2/3 is in 2 files ('/shards/2/shard-2-of-3.json', '/elsewhere/again.json')", merged.Error);
    }

    [Fact]
    public void Shards_of_different_counts_are_BA2085()
    {
        var shards = Shards(2).Concat(Shards(3).Where(s => s.File.Shard == 3)).ToList();

        var merged = ShardMerge.Merge(shards, Project);

        Assert.StartsWith("BA2085: the shard files were written for different shard counts: n=2:", merged.Error);
        Assert.Contains("n=3: '/shards/3/shard-3-of-3.json'", merged.Error);
    }

    [Fact]
    public void Shards_of_different_subjects_are_BA2087()
    {
        var shards = Shards(2);
        shards[1] = (shards[1].Path, shards[1].File with { Subject = "model-y" });

        var merged = ShardMerge.Merge(shards, Project);

        Assert.StartsWith("BA2087: the shards ran different subjects: 'model-x' in", merged.Error);
    }

    [Fact]
    public void An_item_added_to_the_project_after_the_shards_ran_is_BA2086()
    {
        var grown = new Dictionary<string, IReadOnlyList<string>>(Project) { ["alpha"] = [.. Project["alpha"], "added-later"] };

        var merged = ShardMerge.Merge(Shards(4), grown);

        Assert.StartsWith("BA2086: benchmark 'alpha' had 60 items", merged.Error);
        Assert.Contains("but this project has 61", merged.Error);
    }

    [Fact]
    public void A_renamed_item_with_the_same_count_is_BA2086_through_the_hash()
    {
        var renamed = new Dictionary<string, IReadOnlyList<string>>(Project) { ["beta|β"] = ["only one", "two\ttabs", "четыре"] };

        var merged = ShardMerge.Merge(Shards(2), renamed);

        Assert.StartsWith("BA2086: benchmark 'beta|β' had 3 items", merged.Error);
    }

    [Fact]
    public void A_benchmark_the_shards_did_not_run_is_BA2086()
    {
        var more = new Dictionary<string, IReadOnlyList<string>>(Project) { ["gamma"] = ["g1"] };

        var merged = ShardMerge.Merge(Shards(2), more);

        Assert.StartsWith("BA2086: the shard file '/shards/1/shard-1-of-2.json' ran benchmarks [alpha, beta|β], but this project has [alpha, beta|β, gamma]", merged.Error);
    }

    [Fact]
    public void A_shard_file_round_trips_every_field_the_reports_and_the_gate_read()
    {
        var (_, file) = Shards(1)[0];
        string path = Path.Combine(_folder.Path, "runs", "r1", "shard-1-of-1.json");

        ShardFiles.Write(path, file);
        var read = ShardFiles.Read(path, out string? error);

        Assert.Null(error);
        Assert.Equal(JsonSerializer.Serialize(file), JsonSerializer.Serialize(read));
        Assert.Equal(TimeSpan.FromMilliseconds(12.5), read!.Results[0].Latency);
        Assert.Equal([1.0, 0, 1], read.Results[0].Repeats!.Scores);
        Assert.Equal("Relevance", read.Results[0].Metrics![0].Name);
    }

    [Fact]
    public void Shard_files_are_found_at_any_depth_and_other_json_is_ignored()
    {
        foreach (var (_, file) in Shards(3))
        {
            ShardFiles.Write(Path.Combine(_folder.Path, $"benchagent-shard-{file.Shard}", "runs", "20261201-x", new Shard(file.Shard, 3).FileName), file);
        }

        File.WriteAllText(Path.Combine(_folder.Path, "report.json"), "{ not a shard }");

        var files = ShardFiles.ReadAll(_folder.Path, out string? error);

        Assert.Null(error);
        Assert.Equal([1, 2, 3], files.Select(f => f.File.Shard));
        Assert.Null(ShardMerge.Merge(files, Project).Error);
    }

    [Fact]
    public void A_missing_or_empty_merge_folder_is_BA2081()
    {
        ShardFiles.ReadAll(Path.Combine(_folder.Path, "nope"), out string? missing);
        ShardFiles.ReadAll(_folder.Path, out string? empty);

        Assert.StartsWith("BA2081: BENCHAGENT_MERGE names", missing);
        Assert.Contains("which is not a folder", missing);
        Assert.StartsWith("BA2081:", empty);
        Assert.Contains("holds no shard file", empty);
    }

    [Theory]
    [InlineData("{ \"schema\": \"benchagent/shard@1\", ", "not a readable shard file")]
    [InlineData("<<<<<<< HEAD\n{}", "not a readable shard file")]
    [InlineData("null", "it holds no shard")]
    [InlineData("{ \"schema\": \"benchagent/shard@9\", \"shard\": 1, \"shardCount\": 1, \"subject\": \"m\", \"benchmarks\": [], \"results\": [] }", "its schema is 'benchagent/shard@9'")]
    [InlineData("{ \"schema\": \"benchagent/shard@1\", \"shard\": 3, \"shardCount\": 2, \"subject\": \"m\", \"benchmarks\": [], \"results\": [] }", "it names shard 3/2")]
    [InlineData("{ \"schema\": \"benchagent/shard@1\", \"shard\": 1, \"shardCount\": 1, \"benchmarks\": [], \"results\": [] }", "a field is missing")]
    [InlineData("{ \"schema\": \"benchagent/shard@1\", \"shard\": 1, \"shardCount\": 1, \"subject\": \"m\", \"benchmarks\": [], \"results\": [null] }", "a field is missing")]
    [InlineData("{ \"schema\": \"benchagent/shard@1\", \"shard\": 1, \"shardCount\": 1, \"subject\": \"m\", \"benchmarks\": [{ \"name\": \"a\", \"totalItems\": 1, \"shardItems\": 1, \"itemSetHash\": \"h\" }], \"results\": [] }", "should have 1 results in this shard (of 1), but it has 0")]
    public void A_malformed_shard_file_is_BA2082_naming_the_file(string json, string what)
    {
        string path = Path.Combine(_folder.Path, "shard-1-of-1.json");
        File.WriteAllText(path, json);

        var files = ShardFiles.ReadAll(_folder.Path, out string? error);

        Assert.Empty(files);
        Assert.StartsWith($"BA2082: the shard file '{path}' cannot be merged: ", error);
        Assert.Contains(what, error);
    }

    [Fact]
    public void A_result_of_another_shard_or_twice_in_one_file_is_BA2082()
    {
        var shards = Shards(2);
        var stranger = shards[1].File.Results[0];
        string path = Path.Combine(_folder.Path, "shard-1-of-2.json");
        ShardFiles.Write(path, shards[0].File with { Results = [.. shards[0].File.Results.Skip(1), stranger] });
        string twice = Path.Combine(_folder.Path, "twice", "shard-1-of-2.json");
        ShardFiles.Write(twice, shards[0].File with { Results = [.. shards[0].File.Results, shards[0].File.Results[0]] });

        ShardFiles.Read(path, out string? other);
        ShardFiles.Read(twice, out string? duplicated);

        Assert.Contains($"item '{stranger.Benchmark}/{stranger.ItemId}' belongs to shard 2/2, not to this file's shard 1/2", other);
        Assert.StartsWith("BA2082:", duplicated);
        Assert.Contains("it has two results for item", duplicated);
    }
}
