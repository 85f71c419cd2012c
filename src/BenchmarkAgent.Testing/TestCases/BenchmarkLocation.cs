using System.Reflection;

namespace BenchmarkAgent.Testing.TestCases;

/// <summary>Where a benchmark's files are at run time, and its gate metadata.</summary>
/// <param name="Benchmark">The benchmark name.</param>
/// <param name="SnapshotDirectory">The snapshot folder next to the test assembly (baselines are read from its <c>baselines/</c>).</param>
/// <param name="ProjectSnapshotDirectory">The snapshot folder in the project (baselines are recorded into it), when known.</param>
/// <param name="MinScore">The <c>MinScore</c> metadata text, or <see langword="null"/>.</param>
/// <param name="RegressionAlpha">The <c>RegressionAlpha</c> metadata text, or <see langword="null"/>.</param>
internal sealed record BenchmarkLocation(string Benchmark, string SnapshotDirectory, string? ProjectSnapshotDirectory, string? MinScore, string? RegressionAlpha)
{
    /// <summary>The assembly metadata key holding the project's snapshot root (an absolute path), added by the SDK.</summary>
    public const string ProjectSnapshotRootKey = "BenchmarkAgent.ProjectSnapshotRoot";

    /// <summary>Finds a benchmark of a test assembly from its <see cref="GeneratedBenchmarkAttribute"/>.</summary>
    /// <param name="assembly">The test assembly.</param>
    /// <param name="benchmark">The benchmark name.</param>
    /// <returns>The location, or <see langword="null"/> when the assembly does not declare the benchmark.</returns>
    public static BenchmarkLocation? For(Assembly assembly, string benchmark)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        var attribute = assembly.GetCustomAttributes<GeneratedBenchmarkAttribute>().FirstOrDefault(a => a.Name == benchmark);
        if (attribute is null)
        {
            return null;
        }

        string baseDirectory = Path.GetDirectoryName(assembly.Location) is { Length: > 0 } dir ? dir : AppContext.BaseDirectory;
        string? projectRoot = assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == ProjectSnapshotRootKey)?.Value;
        return new BenchmarkLocation(
            benchmark,
            Path.Combine(baseDirectory, attribute.SnapshotDirectory),
            string.IsNullOrEmpty(projectRoot) ? null : Path.Combine(projectRoot, benchmark),
            attribute.MinScore,
            attribute.RegressionAlpha);
    }
}
