using System.Reflection;
using Xunit;
using Xunit.Sdk;
using Xunit.v3;

namespace BenchmarkAgent.Testing.TestCases;

/// <summary>
/// Supplies one theory row per benchmark: <c>(benchmark)</c>, displayed as <c>benchmark (gate)</c>, with traits
/// <c>benchmark</c> and <c>kind=gate</c>, for the aggregate test that gates the benchmark as a whole.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class BenchmarkGatesAttribute : DataAttribute
{
    /// <inheritdoc />
    public override async ValueTask<IReadOnlyCollection<ITheoryDataRow>> GetData(MethodInfo testMethod, DisposalTracker disposalTracker)
    {
        ArgumentNullException.ThrowIfNull(testMethod);
        var assembly = TestAssemblyLocator.Find(testMethod);
        var catalog = BenchmarkCatalog.ForAssembly(assembly);
        var rows = new List<ITheoryDataRow>();
        foreach (string benchmark in catalog.Benchmarks)
        {
            var row = new TheoryDataRow<string>(benchmark)
                .WithTestDisplayName(GateName(benchmark, catalog))
                .WithTrait("benchmark", benchmark)
                .WithTrait("kind", "gate");
            rows.Add(catalog.Items(benchmark).Count == 0 ? row.WithSkip($"Benchmark '{benchmark}' has no items to gate.") : row);
        }

        if (rows.Count == 0)
        {
            rows.Add(new TheoryDataRow<string>("(none)").WithSkip("This project declares no GeneratedBenchmark items.").WithTestDisplayName("(no benchmark gates)"));
        }
        else
        {
            await EarlyStart.WhenRowsRunAsync(assembly).ConfigureAwait(false);
        }

        return rows;
    }

    /// <inheritdoc />
    public override bool SupportsDiscoveryEnumeration() => true;

    /// <summary><c>benchmark (gate)</c>; in a shard run, how many items the shard runs and that the gate is left to the merge.</summary>
    private static string GateName(string benchmark, BenchmarkCatalog catalog)
    {
        if (Sharding.Shard.Current is not { } shard)
        {
            return $"{benchmark} (gate)";
        }

        var items = catalog.Items(benchmark);
        int mine = items.Count(i => shard.Contains(benchmark, i.Id));
        return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{benchmark} (gate skipped in shard {shard}: {mine} of {items.Count} items run here; the merge gates)");
    }
}
