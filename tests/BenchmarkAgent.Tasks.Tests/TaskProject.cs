using Microsoft.Build.Framework;

namespace BenchmarkAgent.Tasks.Tests;

/// <summary>A temporary project folder to run the BenchmarkAgent tasks in, with what the tests look at.</summary>
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

    public (bool Ok, RecordingBuildEngine Engine) Run(ITaskItem[] items, bool locked = false, string target = "generate", string datasets = "")
    {
        var engine = new RecordingBuildEngine();
        var task = ForTarget(target, locked);
        task.BuildEngine = engine;
        task.Benchmarks = items;
        task.SnapshotRoot = SnapshotRoot;
        task.ProjectFile = Path.Combine(Root, "test.csproj");
        task.MaxQuota = "500";
        task.Datasets = datasets;
        return (task.Execute(), engine);
    }

    /// <summary>The task the public target <c>BenchmarkAgent_&lt;target&gt;</c> runs, as the targets file declares it.</summary>
    public static BenchmarkAgentTask ForTarget(string target, bool locked = false, string refreshFraction = "", string changesFile = "") => target switch
    {
        "generate" => new GenerateBenchmarks { Locked = locked, GeneratorPath = TestGenerator.Path },
        "plan" => new PlanBenchmarks(),
        "refresh" => new RefreshBenchmarks { Locked = locked, RefreshFraction = refreshFraction, GeneratorPath = TestGenerator.Path },
        "changes" => new SummarizeBenchmarkChanges { ChangesFile = changesFile },
        _ => throw new ArgumentOutOfRangeException(nameof(target), target, "generate, plan, refresh or changes"),
    };

    public string[] FilesWritten() =>
        Directory.Exists(SnapshotRoot) ? Directory.GetFiles(SnapshotRoot, "*", SearchOption.AllDirectories) : [];
}
