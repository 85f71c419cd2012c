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
        if (await RunGateAsync(benchmark) is { } skip)
        {
            Assert.Skip(skip);
        }
    }

    /// <summary>
    /// The body of <see cref="Benchmark"/>: fails like it, and returns why the gate is skipped (every item was skipped
    /// for a modality), or <see langword="null"/> when it ran.
    /// </summary>
    internal async Task<string?> RunGateAsync(string benchmark)
    {
        var assembly = GetType().Assembly;
        if (Run.Merging)
        {
            MergedGate(benchmark); // BENCHAGENT_MERGE: the gate over the merged results of every shard
            return null;
        }

        var subject = RequireSubject(assembly);
        if (Run.Shard is { } shard)
        {
            SkipGateInShard(benchmark, shard); // BENCHAGENT_SHARD: a shard sees only part of the items; the merge gates
            return null;
        }

        var location = BenchmarkCatalog.ForAssembly(assembly).Location(benchmark)
            ?? throw new InvalidOperationException($"The test assembly declares no benchmark '{benchmark}'. Rebuild the project.");
        var items = BenchmarkCatalog.ForAssembly(assembly).Items(benchmark);
        var token = TestContext.Current.CancellationToken;
        // What each item test recorded (its answers are gone by then), and for items whose tests have not run yet the same
        // evaluation the item tests make (repeats, judge), memoised by the run: no call is made twice.
        var all = await Run.GateResultsAsync(assembly, benchmark, items, subject.Label, token);
        if (all.Count(r => r.Error is { } e && e.Contains(ErrorCodes.BatchPending + ":", StringComparison.Ordinal)) is > 0 and int pending)
        {
            return $"{ErrorCodes.BatchPending}: {pending} item(s) of benchmark '{benchmark}' are pending in a provider batch; the gate runs once every answer is collected.";
        }

        // Items skipped for a modality the subject does not declare are not part of the gate (neither passes nor failures).
        var results = all.Where(r => r.Skipped is null).ToList();
        if (all.Count > 0 && results.Count == 0)
        {
            var policy = Run.EmptyRuns;
            if (policy.Error is not null)
            {
                Assert.Fail(policy.Error.Text);
            }

            if (policy.FailsEmptyRuns)
            {
                Assert.Fail(Media.ModalitySkip.EveryItemSkipped(items.Count, $"benchmark '{benchmark}'", subject.Label, subject.Modalities));
            }

            return $"Every item of benchmark '{benchmark}' was skipped, so there is nothing to gate. {all[0].Skipped}";
        }

        if (results.Count > 0 && results.All(r => r.Score is null))
        {
            // A gate over nothing but errors would judge nothing; it fails whatever MinScore or the baseline say.
            Assert.Fail($"{ErrorCodes.EveryItemErrored}: every one of the {results.Count} items of benchmark '{benchmark}' errored (first: {results[0].Error}), so the gate cannot pass. The item tests name each error.");
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

        return null;
    }
}
