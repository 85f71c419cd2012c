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
        var subject = RequireSubject(assembly);

        var location = BenchmarkCatalog.ForAssembly(assembly).Location(benchmark)
            ?? throw new InvalidOperationException($"The test assembly declares no benchmark '{benchmark}'. Rebuild the project.");
        var items = BenchmarkCatalog.ForAssembly(assembly).Items(benchmark);
        var token = TestContext.Current.CancellationToken;
        // What each item test recorded (its answers are gone by then), and for items whose tests have not run yet the same
        // evaluation the item tests make (repeats, judge), memoised by the run: no call is made twice.
        var results = await Run.GateResultsAsync(assembly, benchmark, items, subject.Label, token);
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
    }
}
