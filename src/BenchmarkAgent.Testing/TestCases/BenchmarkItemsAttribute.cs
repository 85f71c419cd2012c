using System.Reflection;
using BenchmarkAgent.Snapshots;
using Xunit;
using Xunit.Sdk;
using Xunit.v3;

namespace BenchmarkAgent.Testing.TestCases;

/// <summary>
/// Supplies one theory row per snapshot item: <c>(benchmark, itemId)</c>, displayed as
/// <c>benchmark/subtask/item-id</c>, with traits <c>benchmark</c>, <c>subtask</c> and <c>difficulty</c>.
/// Rows hold only small serialisable values, so they are enumerated at discovery.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class BenchmarkItemsAttribute : DataAttribute
{
    /// <inheritdoc />
    public override async ValueTask<IReadOnlyCollection<ITheoryDataRow>> GetData(MethodInfo testMethod, DisposalTracker disposalTracker)
    {
        ArgumentNullException.ThrowIfNull(testMethod);
        var assembly = TestAssemblyLocator.Find(testMethod);
        var catalog = BenchmarkCatalog.ForAssembly(assembly);
        var rows = new List<ITheoryDataRow>();
        // BENCHAGENT_SHARD=k/n: the items of other shards are not rows at all (not skipped noise); the gate row says how many ran.
        var shard = Sharding.Shard.Current;
        int outsideShard = 0;
        foreach (string benchmark in catalog.Benchmarks)
        {
            foreach (var item in catalog.Items(benchmark))
            {
                if (shard is not null && !shard.Contains(benchmark, item.Id))
                {
                    outsideShard++;
                    continue;
                }

                rows.Add(new TheoryDataRow<string, string>(benchmark, item.Id)
                    .WithTestDisplayName(DisplayText.Escape($"{benchmark}/{item.Subtask}/{item.Id}"))
                    .WithTrait("benchmark", benchmark)
                    .WithTrait("subtask", item.Subtask)
                    .WithTrait("difficulty", SnapshotNames.Difficulty(item.Difficulty)));
            }
        }

        var policy = Settings.EmptyRunPolicy.Current;
        if (rows.Count == 0 && outsideShard > 0)
        {
            // Fewer items than shards: this shard has none of them, which is not an empty run.
            rows.Add(new TheoryDataRow<string, string>(EmptyRunRow, EmptyRunRow).WithTestDisplayName($"(no items in shard {shard})")
                .WithSkip($"All {outsideShard} items belong to other shards than {shard}."));
        }
        else if (rows.Count == 0)
        {
            string reason = catalog.Problems.Count > 0
                ? "No benchmark snapshot could be read: " + string.Join("; ", catalog.Problems)
                : "This project declares no GeneratedBenchmark items, or their snapshots are empty. Add <GeneratedBenchmark Include=\"name\" Query=\"...\" Quota=\"40\" /> and build.";
            var row = new TheoryDataRow<string, string>(EmptyRunRow, EmptyRunRow).WithTestDisplayName("(no benchmark items)");
            // Under CI=true a run that evaluates nothing fails (the test reports BA2061); locally it is skipped.
            rows.Add(policy.FailsEmptyRuns || policy.Error is not null ? row : row.WithSkip(reason));
        }
        else
        {
            if (catalog.Problems.Count > 0 && (policy.FailsEmptyRuns || policy.Error is not null))
            {
                // Some benchmarks read, others did not: their items would silently vanish from a CI run.
                rows.Add(new TheoryDataRow<string, string>(EmptyRunRow, EmptyRunRow).WithTestDisplayName("(unreadable benchmark snapshots)"));
            }

            await EarlyStart.WhenRowsRunAsync(assembly).ConfigureAwait(false);
        }

        return rows;
    }

    /// <inheritdoc />
    public override bool SupportsDiscoveryEnumeration() => true;

    /// <summary>The benchmark and item of the row that stands for "nothing could be evaluated".</summary>
    internal const string EmptyRunRow = "(none)";
}
