using System.Globalization;
using System.Text;
using BenchmarkAgent.Items;
using BenchmarkAgent.Testing.Baselines;
using BenchmarkAgent.Testing.Results;
using BenchmarkAgent.Testing.Sharding;
using BenchmarkAgent.Testing.TestCases;
using Xunit;

namespace BenchmarkAgent.Testing;

/// <content>
/// Shard and merge runs (docs/adr/0006-ci-sharding.md): a shard's gate row only says how many items the shard ran;
/// a merge run's item and gate rows take each item's result from the shard files and judge it exactly as a whole run
/// does (the same baseline verdicts, the same gate code, the same reports when the run ends).
/// </content>
public abstract partial class BenchmarkTestsBase
{
    /// <summary>A merge run's item test: the shard's result for the item, judged against the baseline, recorded for the report.</summary>
    /// <returns>Why the item is skipped (the shard's subject did not take its modality), or <see langword="null"/>.</returns>
    private string? MergedItem(BenchmarkCatalog catalog, string benchmark, BenchmarkItem item)
    {
        var merged = Run.Merged(GetType().Assembly);
        if (merged.Error is { } mergeError)
        {
            Assert.Fail(mergeError);
        }

        var result = merged.Get(benchmark, item.Id)
            ?? throw new InvalidOperationException($"{ErrorCodes.MissingShard}: item '{benchmark}/{item.Id}' has no result in the merged shards.");
        var output = new StringBuilder();
        try
        {
            output.AppendLine(CultureInfo.InvariantCulture, $"subject:  {merged.Subject} (merged from {merged.Shards} shards; shard {ShardAssignment.IndexOf(benchmark, item.Id, merged.Shards)} ran this item)");
            if (result.Skipped is { } skipped)
            {
                // Skipped for a modality in its shard: counted apart in the merged reports, as in a whole run.
                Run.Record(result);
                output.AppendLine($"skipped:  {skipped}");
                return skipped;
            }

            if (result.Error is { } error || result.Score is null)
            {
                // Fail closed, as in a whole run: an error item is never a pass.
                Run.Record(result with { Verdict = ItemVerdict.Error });
                output.AppendLine($"error:    {result.Error}");
                Assert.Fail($"{DisplayText.Escape($"{benchmark}/{item.Subtask}/{item.Id}")}: the call failed: {result.Error}");
            }

            var judgement = Run.Baselines.Judge(catalog.Location(benchmark), merged.Subject, item.Id, result.Score.Passed);
            Run.Record(result with { Verdict = judgement.Verdict });
            WriteScoreAndAssert(output, benchmark, item, result, judgement);
            return null;
        }
        finally
        {
            TestContext.Current.TestOutputHelper?.Write(output.ToString());
        }
    }

    /// <summary>A merge run's gate test: the benchmark's gate (minimum score, baseline drop) over every shard's results.</summary>
    private void MergedGate(string benchmark)
    {
        var assembly = GetType().Assembly;
        var merged = Run.Merged(assembly);
        if (merged.Error is { } mergeError)
        {
            Assert.Fail(mergeError);
        }

        var catalog = BenchmarkCatalog.ForAssembly(assembly);
        var location = catalog.Location(benchmark)
            ?? throw new InvalidOperationException($"The test assembly declares no benchmark '{benchmark}'. Rebuild the project.");
        // Items skipped for a modality in their shard are not part of the gate, as in a whole run.
        var results = catalog.Items(benchmark).Select(i => merged.Get(benchmark, i.Id)!).Where(r => r.Skipped is null).ToList();
        if (results.Count > 0 && results.All(r => r.Score is null))
        {
            Assert.Fail($"{ErrorCodes.EveryItemErrored}: every one of the {results.Count} items of benchmark '{benchmark}' errored in the shards (first: {results[0].Error}), so the gate cannot pass. The merged item tests name each error.");
        }

        var outcome = Run.Baselines.Check(location, merged.Subject, results);
        if (outcome.Gate is { } gate)
        {
            Run.RecordGate(gate);
        }

        var output = TestContext.Current.TestOutputHelper;
        output?.WriteLine($"subject:   {merged.Subject}");
        output?.WriteLine(string.Create(CultureInfo.InvariantCulture, $"merged:    {results.Count} items from {merged.Shards} shards"));
        foreach (string line in outcome.Lines)
        {
            output?.WriteLine(line);
        }

        if (outcome.Failure is { } failure)
        {
            Assert.Fail(string.Create(CultureInfo.InvariantCulture, $"{ErrorCodes.MergedGateFailed}: on the merged results of {merged.Shards} shards: {failure}"));
        }
    }

    /// <summary>A shard's gate test: says how many items the shard ran and that the gate runs in the merge.</summary>
    private void SkipGateInShard(string benchmark, Shard shard)
    {
        var items = BenchmarkCatalog.ForAssembly(GetType().Assembly).Items(benchmark);
        int mine = items.Count(i => shard.Contains(benchmark, i.Id));
        TestContext.Current.TestOutputHelper?.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"shard {shard}: {mine} of the {items.Count} items of '{benchmark}' ran in this shard; the gate is skipped here and runs when the shard files are merged (BENCHAGENT_MERGE=<folder> dotnet test)."));
    }
}
