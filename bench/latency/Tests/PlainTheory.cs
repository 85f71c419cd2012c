using System.Reflection;
using BenchmarkAgent.Testing.Running;
using Xunit;
using Xunit.Sdk;
using Xunit.v3;
using BenchmarkAgent.Testing.TestCases;

namespace Latency.Tests;

/// <summary>
/// The baseline: a plain xUnit theory over the same (benchmark, item id) rows with the same display names, whose
/// body only looks the item up and checks its expected answer (no subject call, no scoring, no report).
/// </summary>
public sealed class PlainTheory
{
    [Theory]
    [PlainRows]
    public void Item(string benchmark, string itemId)
    {
        var item = BenchmarkCatalog.ForAssembly(typeof(PlainTheory).Assembly).Get(benchmark, itemId);
        Assert.Equal($"What is {item.Answer.Value}?", item.Prompt);
    }

    /// <summary>The same rows as <see cref="BenchmarkItemsAttribute"/>, as plain theory data.</summary>
    [AttributeUsage(AttributeTargets.Method)]
    private sealed class PlainRowsAttribute : DataAttribute
    {
        public override ValueTask<IReadOnlyCollection<ITheoryDataRow>> GetData(MethodInfo testMethod, DisposalTracker disposalTracker)
        {
            var catalog = BenchmarkCatalog.ForAssembly(typeof(PlainTheory).Assembly);
            IReadOnlyCollection<ITheoryDataRow> rows = catalog.Benchmarks
                .SelectMany(b => catalog.Items(b).Select(i => (ITheoryDataRow)new TheoryDataRow<string, string>(b, i.Id).WithTestDisplayName($"{b}/{i.Subtask}/{i.Id}")))
                .ToList();
            return new ValueTask<IReadOnlyCollection<ITheoryDataRow>>(rows);
        }

        public override bool SupportsDiscoveryEnumeration() => true;
    }
}
