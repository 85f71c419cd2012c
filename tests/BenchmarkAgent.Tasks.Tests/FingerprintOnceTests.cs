using BenchmarkAgent.Snapshots;
using Microsoft.Build.Utilities;

namespace BenchmarkAgent.Tasks.Tests;

/// <summary>The input fingerprint re-hashes every registered dataset, so a build computes it once per benchmark and passes it on.</summary>
public sealed class FingerprintOnceTests : IDisposable
{
    private readonly TaskProject _project = new("ba-fingerprint-");

    public void Dispose() => _project.Dispose();

    private string DatasetPath => Path.Combine(_project.Root, "data", "sums.jsonl");

    private static TaskItem Item()
    {
        var item = new TaskItem("grounded");
        item.SetMetadata("Query", "sums of fruits in arithmetic word problems");
        item.SetMetadata("Quota", "12");
        item.SetMetadata("Datasets", "data/sums.jsonl");
        return item;
    }

    private (bool Ok, RecordingBuildEngine Engine, Dictionary<string, int> Hashed) Run(string target)
    {
        var hashed = new Dictionary<string, int>(StringComparer.Ordinal);
        var engine = new RecordingBuildEngine();
        var task = TaskProject.ForTarget(target, changesFile: Path.Combine(_project.Root, "obj", "changes.md"));
        task.BuildEngine = engine;
        task.Benchmarks = [Item()];
        task.SnapshotRoot = _project.SnapshotRoot;
        task.ProjectFile = Path.Combine(_project.Root, "test.csproj");
        task.DatasetHasher = path =>
        {
            hashed[path] = hashed.GetValueOrDefault(path) + 1;
            return InputFingerprint.ContentHash(path);
        };
        return (task.Execute(), engine, hashed);
    }

    [Theory]
    [InlineData("generate")]
    [InlineData("refresh")]
    [InlineData("changes")]
    public void A_build_hashes_each_registered_dataset_once(string target)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(DatasetPath)!);
        File.WriteAllText(DatasetPath, string.Join('\n', Enumerable.Range(1, 30).Select(i =>
            $$"""{"id": "r{{i}}", "question": "A crate holds {{i}} apples and {{i + 3}} pears. How many fruits are in the crate?", "answer": "{{i}} + {{i + 3}} = <<{{i}}+{{i + 3}}={{(2 * i) + 3}}>>{{(2 * i) + 3}}\n#### {{(2 * i) + 3}}"}""")));
        if (target != "generate")
        {
            // Refresh and the change summary work on a snapshot that exists.
            Assert.True(Run("generate").Ok);
        }

        var (ok, engine, hashed) = Run(target);

        Assert.True(ok, string.Join("\n", engine.Errors.Select(e => e.Message)));
        var (path, count) = Assert.Single(hashed);
        Assert.Equal(Path.GetFullPath(DatasetPath), path);
        Assert.Equal(1, count);
        // The one fingerprint is the one the snapshot records.
        Assert.Equal(
            SnapshotReader.ReadFingerprint(SnapshotLayout.PlanPath(_project.SnapshotRoot, "grounded")),
            InputFingerprint.Compute(new Planning.BenchmarkRequest("grounded", "sums of fruits in arithmetic word problems", 12) { Datasets = [Path.GetFullPath(DatasetPath)] }));
    }
}
