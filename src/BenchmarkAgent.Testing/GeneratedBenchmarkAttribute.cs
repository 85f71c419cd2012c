namespace BenchmarkAgent.Testing;

/// <summary>
/// Declares a benchmark snapshot of the test assembly. Added by the BenchmarkAgent SDK for every
/// <c>GeneratedBenchmark</c> item; the snapshot files are copied next to the test assembly.
/// </summary>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true)]
public sealed class GeneratedBenchmarkAttribute : Attribute
{
    /// <summary>Creates the attribute.</summary>
    /// <param name="name">The benchmark name.</param>
    /// <param name="snapshotDirectory">The snapshot folder, relative to the test assembly's folder.</param>
    public GeneratedBenchmarkAttribute(string name, string snapshotDirectory)
    {
        Name = name;
        SnapshotDirectory = snapshotDirectory;
    }

    /// <summary>The benchmark name.</summary>
    public string Name { get; }

    /// <summary>The snapshot folder, relative to the test assembly's folder.</summary>
    public string SnapshotDirectory { get; }

    /// <summary>The <c>MinScore</c> metadata: the lowest acceptable mean score (0 to 1) of the benchmark's gate; empty for none.</summary>
    public string? MinScore { get; set; }

    /// <summary>The <c>RegressionAlpha</c> metadata: the significance level of the gate's drop check; empty for the default 0.05.</summary>
    public string? RegressionAlpha { get; set; }
}
