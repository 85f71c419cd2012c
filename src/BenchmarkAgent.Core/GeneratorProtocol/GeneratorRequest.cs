namespace BenchmarkAgent.GeneratorProtocol;

/// <summary>
/// What the task asks the generator program to do, written as JSON to a file under <c>obj/benchagent/</c>: the stale
/// benchmarks and where their snapshots, journals and lock live. It never holds an API key: the program reads keys from
/// the environment it inherits.
/// </summary>
/// <param name="Benchmarks">The benchmarks to (re)generate, in item order; each is stale or refreshed.</param>
/// <param name="SnapshotRoot">The absolute snapshot root (<c>Benchmarks/</c>).</param>
/// <param name="IntermediateDirectory">The absolute intermediate folder holding <c>benchagent/</c> (journals).</param>
/// <param name="ProjectFile">The project file, the location of diagnostics without a file of their own.</param>
internal sealed record GeneratorRequest(
    IReadOnlyList<GeneratorBenchmark> Benchmarks,
    string SnapshotRoot,
    string IntermediateDirectory,
    string ProjectFile)
{
    /// <summary>The protocol version; the program refuses a request of another version.</summary>
    public const int CurrentVersion = 1;

    /// <summary>The protocol version this request was written with.</summary>
    public int Version { get; init; } = CurrentVersion;

    /// <summary>The share of items a refresh rotates; 0 when not refreshing.</summary>
    public double RefreshFraction { get; init; }

    /// <summary>How long the program waits for an earlier program of a killed build to exit (<c>generator.lock</c>), in seconds.</summary>
    public int LockTimeoutSeconds { get; init; } = 300;

    /// <summary>The declared budgets; every limit is optional.</summary>
    public GeneratorBudget Budget { get; init; } = new();

    /// <summary>Hooks that only tests set (to slow the program down or crash it at a chosen point); null in a build.</summary>
    public GeneratorTestHooks? TestHooks { get; init; }
}
