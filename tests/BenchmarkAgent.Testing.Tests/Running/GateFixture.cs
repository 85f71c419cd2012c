using BenchmarkAgent.Execution;
using BenchmarkAgent.Snapshots;
using BenchmarkAgent.Testing;
using BenchmarkAgent.Items;

// The test assembly declares one benchmark, like a project built with the SDK, so the real item and gate tests of
// BenchmarkTestsBase can run in-process. Its snapshot is GateFixture/gate-fixture/items.json (copied to the output).
[assembly: GeneratedBenchmark(BenchmarkAgent.Testing.Tests.Running.GateFixture.Benchmark, "GateFixture/gate-fixture", MinScore = "0.5")]

namespace BenchmarkAgent.Testing.Tests.Running;

/// <summary>The committed snapshot of the in-process benchmark: 40 items, item i asks "Question number i?" and expects i.</summary>
internal static class GateFixture
{
    public const string Benchmark = "gate-fixture";

    public static string SourcePath() =>
        Path.Combine(ProjectDirectory, "GateFixture", Benchmark, SnapshotLayout.ItemsFileName);

    /// <summary>The test project's source folder, recorded at build time (CallerFilePath is mapped to /_/ in CI builds).</summary>
    private static string ProjectDirectory =>
        typeof(GateFixture).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
            .Cast<System.Reflection.AssemblyMetadataAttribute>()
            .Single(a => a.Key == "BenchmarkAgent.Tests.ProjectDirectory").Value!;

    public static string OutputDirectory => Path.Combine(AppContext.BaseDirectory, "GateFixture", Benchmark);

    public static IReadOnlyList<BenchmarkItem> Items() =>
        Enumerable.Range(0, 40)
            .Select(i => TestItems.Item(ExpectedAnswer.Number(i), id: $"item{i:D2}", prompt: $"Question number {i}?"))
            .ToList();

    public static byte[] Bytes() => SnapshotWriter.ItemsBytes(Benchmark, Items());
}
