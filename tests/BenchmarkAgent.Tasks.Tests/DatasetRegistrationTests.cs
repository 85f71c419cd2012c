using BenchmarkAgent.Snapshots;
using Microsoft.Build.Utilities;

namespace BenchmarkAgent.Tasks.Tests;

public sealed class DatasetRegistrationTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "ba-datasets-" + Guid.NewGuid().ToString("N"));

    public DatasetRegistrationTests() => Directory.CreateDirectory(_root);

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string SnapshotRoot => Path.Combine(_root, "Benchmarks");

    private static TaskItem Item(string name, string? datasets, string query = "Multi-step arithmetic word problems")
    {
        var item = new TaskItem(name);
        item.SetMetadata("Query", query);
        item.SetMetadata("Quota", "12");
        if (datasets is not null) item.SetMetadata("Datasets", datasets);
        return item;
    }

    private (bool Ok, RecordingBuildEngine Engine) Run(string projectDatasets, params Microsoft.Build.Framework.ITaskItem[] items)
    {
        var engine = new RecordingBuildEngine();
        var task = new GenerateBenchmarks
        {
            BuildEngine = engine,
            Benchmarks = items,
            SnapshotRoot = SnapshotRoot,
            ProjectFile = Path.Combine(_root, "test.csproj"),
            Datasets = projectDatasets,
            MaxQuota = 500,
        };
        return (task.Execute(), engine);
    }

    private string[] FilesWritten() =>
        Directory.Exists(SnapshotRoot) ? Directory.GetFiles(SnapshotRoot, "*", SearchOption.AllDirectories) : [];

    [Theory]
    [InlineData("data/missing.jsonl", "")]
    [InlineData("", "data/missing.jsonl")]
    public void A_missing_dataset_is_BA0402_naming_the_item_and_path_and_writes_nothing(string itemDatasets, string projectDatasets)
    {
        var (ok, engine) = Run(projectDatasets, Item("valid-one", null), Item("grounded", itemDatasets));

        Assert.False(ok);
        // The project-wide property applies to every item, so then both items are named.
        string[] named = projectDatasets.Length > 0 ? ["'valid-one'", "'grounded'"] : ["'grounded'"];
        Assert.Equal(named.Length, engine.Errors.Count);
        for (int i = 0; i < named.Length; i++)
        {
            Assert.Equal("BA0402", engine.Errors[i].Code);
            Assert.Contains(named[i], engine.Errors[i].Message);
            Assert.Contains("data/missing.jsonl", engine.Errors[i].Message);
        }

        Assert.Empty(FilesWritten());
    }

    [Fact]
    public void A_registered_dataset_is_resolved_against_the_project_and_generated_from()
    {
        Directory.CreateDirectory(Path.Combine(_root, "data"));
        File.WriteAllText(Path.Combine(_root, "data", "sums.jsonl"), string.Join('\n', Enumerable.Range(1, 30).Select(i =>
            $$"""{"id": "r{{i}}", "question": "A crate holds {{i}} apples and {{i + 3}} pears. How many fruits are in the crate?", "answer": "{{i}} + {{i + 3}} = <<{{i}}+{{i + 3}}={{(2 * i) + 3}}>>{{(2 * i) + 3}}\n#### {{(2 * i) + 3}}"}""")));

        var (ok, engine) = Run(string.Empty, Item("grounded", "data/sums.jsonl", "sums of fruits in arithmetic word problems"));

        Assert.True(ok, string.Join("\n", engine.Errors.Select(e => e.Message)));
        string items = File.ReadAllText(SnapshotLayout.ItemsPath(SnapshotRoot, "grounded"));
        Assert.Contains("\"dataset:sums#r", items);
    }
}
