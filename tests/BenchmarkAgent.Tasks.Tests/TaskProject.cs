using Microsoft.Build.Framework;

namespace BenchmarkAgent.Tasks.Tests;

/// <summary>A temporary project folder to run <see cref="GenerateBenchmarks"/> in, with what the tests look at.</summary>
internal sealed class TaskProject : IDisposable
{
    public TaskProject(string prefix)
    {
        Root = Path.Combine(Path.GetTempPath(), prefix + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    public string SnapshotRoot => Path.Combine(Root, "Benchmarks");

    public void Dispose() => Directory.Delete(Root, recursive: true);

    public (bool Ok, RecordingBuildEngine Engine) Run(ITaskItem[] items, bool locked = false, string mode = "generate", string datasets = "")
    {
        var engine = new RecordingBuildEngine();
        var task = new GenerateBenchmarks
        {
            BuildEngine = engine,
            Benchmarks = items,
            SnapshotRoot = SnapshotRoot,
            ProjectFile = Path.Combine(Root, "test.csproj"),
            Locked = locked,
            MaxQuota = 500,
            Mode = mode,
            Datasets = datasets,
        };
        return (task.Execute(), engine);
    }

    public string[] FilesWritten() =>
        Directory.Exists(SnapshotRoot) ? Directory.GetFiles(SnapshotRoot, "*", SearchOption.AllDirectories) : [];
}
