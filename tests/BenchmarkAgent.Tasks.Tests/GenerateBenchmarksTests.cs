using BenchmarkAgent.Snapshots;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace BenchmarkAgent.Tasks.Tests;

public sealed class GenerateBenchmarksTests : IDisposable
{
    private readonly TaskProject _project = new("ba-tasks-");

    public void Dispose() => _project.Dispose();

    private string SnapshotRoot => _project.SnapshotRoot;

    private static TaskItem Item(string name, string? query = "Multi-step arithmetic word problems", string? quota = "12", string? seed = null, string? difficulty = null)
    {
        var item = new TaskItem(name);
        if (query is not null) item.SetMetadata("Query", query);
        if (quota is not null) item.SetMetadata("Quota", quota);
        if (seed is not null) item.SetMetadata("Seed", seed);
        if (difficulty is not null) item.SetMetadata("Difficulty", difficulty);
        return item;
    }

    private (bool Ok, RecordingBuildEngine Engine) Run(bool locked = false, string mode = "generate", params ITaskItem[] items) =>
        _project.Run(items, locked, target: mode);

    private string[] FilesWritten() => _project.FilesWritten();

    public static TheoryData<string, string?, string?, string?, string?, string> BadInputs => new()
    {
        { "arith", null, "10", null, null, "BA0001" },
        { "arith", "   ", "10", null, null, "BA0001" },
        { "arith", "Arithmetic", null, null, null, "BA0002" },
        { "arith", "Arithmetic", "0", null, null, "BA0002" },
        { "arith", "Arithmetic", "-5", null, null, "BA0002" },
        { "arith", "Arithmetic", "ten", null, null, "BA0002" },
        { "arith", "Arithmetic", "4.5", null, null, "BA0002" },
        { "arith", "Arithmetic", "501", null, null, "BA0003" },
        { "../escape", "Arithmetic", "10", null, null, "BA0004" },
        { "a/b", "Arithmetic", "10", null, null, "BA0004" },
        { "a\\b", "Arithmetic", "10", null, null, "BA0004" },
        { "..", "Arithmetic", "10", null, null, "BA0004" },
        { "CON", "Arithmetic", "10", null, null, "BA0004" },
        { "lpt1.json", "Arithmetic", "10", null, null, "BA0004" },
        { "has space", "Arithmetic", "10", null, null, "BA0004" },
        { "arith", "Arithmetic", "10", "abc", null, "BA0006" },
        { "arith", "Arithmetic", "10", null, "extreme", "BA0007" },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public void Bad_input_is_an_error_with_its_code_the_item_name_and_no_files(string name, string? query, string? quota, string? seed, string? difficulty, string code)
    {
        // A valid item next to the bad one proves validation happens before any generation.
        var (ok, engine) = Run(items: [Item("valid-one"), Item(name, query, quota, seed, difficulty)]);

        Assert.False(ok);
        var error = Assert.Single(engine.Errors);
        Assert.Equal(code, error.Code);
        // MSBuild normalises backslashes in item specs to '/' on Unix.
        Assert.Contains($"'{name.Replace('\\', '/')}'", error.Message);
        Assert.Empty(FilesWritten());
    }

    [Fact]
    public void Duplicate_names_are_an_error_ignoring_case()
    {
        var (ok, engine) = Run(items: [Item("arith"), Item("Arith")]);

        Assert.False(ok);
        Assert.Equal("BA0005", Assert.Single(engine.Errors).Code);
        Assert.Empty(FilesWritten());
    }

    [Fact]
    public void Generates_then_skips_a_fresh_snapshot_without_touching_it()
    {
        var (ok, engine) = Run(items: [Item("arith")]);
        Assert.True(ok);
        Assert.Contains(engine.Messages, m => m.Message!.Contains("generated 'arith': 12 items", StringComparison.Ordinal));
        string plan = SnapshotLayout.PlanPath(SnapshotRoot, "arith");
        var before = (File.ReadAllBytes(plan), File.GetLastWriteTimeUtc(plan));

        var (ok2, engine2) = Run(items: [Item("arith")]);

        Assert.True(ok2);
        Assert.DoesNotContain(engine2.Messages, m => m.Message!.Contains("generated", StringComparison.Ordinal));
        Assert.Contains(engine2.Messages, m => m.Message!.Contains("'arith' is up to date", StringComparison.Ordinal));
        Assert.Equal(before.Item1, File.ReadAllBytes(plan));
        Assert.Equal(before.Item2, File.GetLastWriteTimeUtc(plan));
    }

    [Fact]
    public void Locked_mode_fails_on_a_missing_snapshot_and_writes_nothing()
    {
        var (ok, engine) = Run(locked: true, items: [Item("arith")]);

        Assert.False(ok);
        var error = Assert.Single(engine.Errors);
        Assert.Equal("BA0101", error.Code);
        Assert.Contains("'arith'", error.Message);
        Assert.Contains("dotnet build", error.Message);
        Assert.Empty(FilesWritten());
    }

    [Fact]
    public void Locked_mode_fails_on_a_stale_snapshot_and_leaves_it_unchanged()
    {
        Assert.True(Run(items: [Item("arith", quota: "12")]).Ok);
        string items = SnapshotLayout.ItemsPath(SnapshotRoot, "arith");
        byte[] before = File.ReadAllBytes(items);

        var (ok, engine) = Run(locked: true, items: [Item("arith", quota: "15")]);

        Assert.False(ok);
        var error = Assert.Single(engine.Errors);
        Assert.Equal("BA0102", error.Code);
        Assert.Contains("stale", error.Message);
        Assert.Equal(before, File.ReadAllBytes(items));
    }

    [Fact]
    public void Locked_mode_accepts_a_fresh_snapshot()
    {
        Assert.True(Run(items: [Item("arith")]).Ok);

        var (ok, engine) = Run(locked: true, items: [Item("arith")]);

        Assert.True(ok);
        Assert.Empty(engine.Errors);
    }

    [Fact]
    public void Plan_mode_prints_subtasks_and_writes_nothing()
    {
        var (ok, engine) = Run(mode: "plan", items: [Item("arith", quota: "30")]);

        Assert.True(ok);
        Assert.Contains(engine.Messages, m => m.Message!.Contains("multi-step-arithmetic", StringComparison.Ordinal));
        Assert.Empty(FilesWritten());
    }

    [Fact]
    public void Refresh_mode_regenerates_a_fresh_snapshot()
    {
        Assert.True(Run(items: [Item("arith")]).Ok);

        var (ok, engine) = Run(mode: "refresh", items: [Item("arith")]);

        Assert.True(ok);
        Assert.Contains(engine.Messages, m => m.Message!.Contains("generated 'arith'", StringComparison.Ordinal));
    }

    [Fact]
    public void Strict_benchmark_with_an_off_topic_query_is_an_error_and_writes_nothing()
    {
        // Strict wins over the AllowWeakMatch opt-in: the weak-match warning becomes BA0303.
        var item = Item("poems", query: "Sonnets about the sea in French");
        item.SetMetadata("Strict", "true");
        item.SetMetadata("AllowWeakMatch", "true");

        var (ok, engine) = Run(items: [item]);

        Assert.False(ok);
        var error = Assert.Single(engine.Errors);
        Assert.Equal("BA0303", error.Code);
        Assert.Contains("closest matches", error.Message);
        Assert.Empty(FilesWritten());
    }

    [Fact]
    public void Strict_must_be_a_boolean()
    {
        var item = Item("arith");
        item.SetMetadata("Strict", "maybe");

        var (ok, engine) = Run(items: [item]);

        Assert.False(ok);
        Assert.Equal("BA0008", Assert.Single(engine.Errors).Code);
        Assert.Empty(FilesWritten());
    }

    [Fact]
    public void Off_topic_query_with_AllowWeakMatch_warns_with_the_best_matches()
    {
        var item = Item("poems", query: "Sonnets about the sea in French");
        item.SetMetadata("AllowWeakMatch", "true");

        var (ok, engine) = Run(items: [item]);

        Assert.True(ok);
        var warning = Assert.Single(engine.Warnings);
        Assert.Equal("BA0302", warning.Code);
        Assert.Contains("closest matches", warning.Message);
    }
}
