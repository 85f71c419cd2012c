using BenchmarkAgent.Snapshots;
using Microsoft.Build.Utilities;

namespace BenchmarkAgent.Tasks.Tests;

public sealed class DatasetRegistrationTests : IDisposable
{
    private readonly TaskProject _project = new("ba-datasets-");

    public void Dispose() => _project.Dispose();

    private string SnapshotRoot => _project.SnapshotRoot;

    private static TaskItem Item(string name, string? datasets, string query = "Multi-step arithmetic word problems")
    {
        var item = new TaskItem(name);
        item.SetMetadata("Query", query);
        item.SetMetadata("Quota", "12");
        if (datasets is not null) item.SetMetadata("Datasets", datasets);
        return item;
    }

    private (bool Ok, RecordingBuildEngine Engine) Run(string projectDatasets, params Microsoft.Build.Framework.ITaskItem[] items) =>
        _project.Run(items, datasets: projectDatasets);

    private string[] FilesWritten() => _project.FilesWritten();

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
        Directory.CreateDirectory(Path.Combine(_project.Root, "data"));
        File.WriteAllText(Path.Combine(_project.Root, "data", "sums.jsonl"), string.Join('\n', Enumerable.Range(1, 30).Select(i =>
            $$"""{"id": "r{{i}}", "question": "A crate holds {{i}} apples and {{i + 3}} pears. How many fruits are in the crate?", "answer": "{{i}} + {{i + 3}} = <<{{i}}+{{i + 3}}={{(2 * i) + 3}}>>{{(2 * i) + 3}}\n#### {{(2 * i) + 3}}"}""")));

        var (ok, engine) = Run(string.Empty, Item("grounded", "data/sums.jsonl", "sums of fruits in arithmetic word problems"));

        Assert.True(ok, string.Join("\n", engine.Errors.Select(e => e.Message)));
        string items = File.ReadAllText(SnapshotLayout.ItemsPath(SnapshotRoot, "grounded"));
        Assert.Contains("\"dataset:sums#r", items);
    }
}
