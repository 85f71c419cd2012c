using BenchmarkAgent.Testing.Running;
using Xunit;
using BenchmarkAgent.Testing.TestCases;
using BenchmarkAgent.Testing.Results;

namespace BenchmarkAgent.Testing;

/// <content>The aggregate gate test of each benchmark (regression baselines, minimum score, significant drop).</content>
public abstract partial class BenchmarkTestsBase
{
    /// <summary>
    /// The aggregate test of one benchmark: awaits every item's evaluation through the run (the scheduler pipelines them,
    /// so this does not depend on test order), then gates on the minimum score and on a statistically significant
    /// drop against the baseline; in record mode it writes the baseline instead.
    /// </summary>
    /// <param name="benchmark">The benchmark name.</param>
    [Theory]
    [BenchmarkGates]
    public async Task Benchmark(string benchmark)
    {
        var assembly = GetType().Assembly;
        if (Run.Merging)
        {
            MergedGate(benchmark); // BENCHAGENT_MERGE: the gate over the merged results of every shard
            return;
        }

        var subject = RequireSubject(assembly);
        if (Run.Shard is { } shard)
        {
            SkipGateInShard(benchmark, shard); // BENCHAGENT_SHARD: a shard sees only part of the items; the merge gates
            return;
        }

        var location = BenchmarkCatalog.ForAssembly(assembly).Location(benchmark)
            ?? throw new InvalidOperationException($"The test assembly declares no benchmark '{benchmark}'. Rebuild the project.");
        var items = BenchmarkCatalog.ForAssembly(assembly).Items(benchmark);
        var token = TestContext.Current.CancellationToken;
        // The same evaluation as the item tests (repeats, judge), memoised by the run: no call is made twice.
        var outcomes = await Task.WhenAll(items.Select(i => Run.EvaluateAsync(assembly, benchmark, i, token)));
        var results = items.Select((item, i) => ItemResults.From(benchmark, item, subject.Label, outcomes[i], Run.MaxAnswerChars)).ToList();
        if (outcomes.Length > 0 && outcomes.All(o => o.Error is not null))
        {
            // A gate over nothing but errors would judge nothing; it fails whatever MinScore or the baseline say.
            Assert.Fail($"{ErrorCodes.EveryItemErrored}: every one of the {outcomes.Length} items of benchmark '{benchmark}' errored (first: {outcomes[0].Error!.Message}), so the gate cannot pass. The item tests name each error.");
        }

        var outcome = Run.Baselines.Check(location, subject.Label, results);
        if (outcome.Gate is { } gate)
        {
            Run.RecordGate(gate);
        }

        var output = TestContext.Current.TestOutputHelper;
        output?.WriteLine($"subject:   {subject.Label}");
        foreach (string line in outcome.Lines)
        {
            output?.WriteLine(line);
        }

        if (outcome.Failure is { } failure)
        {
            Assert.Fail(failure);
        }
    }
}
