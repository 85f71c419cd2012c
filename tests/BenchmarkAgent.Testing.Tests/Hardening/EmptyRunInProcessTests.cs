using BenchmarkAgent.Testing.Running;
using BenchmarkAgent.Testing.Settings;
using BenchmarkAgent.Testing.Tests.Running;
using BenchmarkAgent.Tests.Shared;

namespace BenchmarkAgent.Testing.Tests.Hardening;

/// <summary>
/// Issue 16, findings 7 and 9, through the real item and gate tests of <see cref="BenchmarkTestsBase"/> run in-process
/// over the fixture benchmark: no subject under CI=true fails (BA2062) unless opted out, and a gate over items that all
/// errored fails (BA2064) instead of passing.
/// </summary>
public sealed class EmptyRunInProcessTests : IAsyncDisposable
{
    private readonly string _results = Path.Combine(Path.GetTempPath(), "benchagent-emptyrun-" + Guid.NewGuid().ToString("N"));

    public ValueTask DisposeAsync()
    {
        if (Directory.Exists(_results))
        {
            Directory.Delete(_results, recursive: true);
        }

        return ValueTask.CompletedTask;
    }

    private BenchmarkRun Run(params (string Name, string Value)[] variables)
    {
        var environment = variables.ToDictionary(v => v.Name, v => (string?)v.Value);
        environment[RunSettingsReader.ResultsDirectoryVariable] = _results;
        return new BenchmarkRun(name => environment.GetValueOrDefault(name));
    }

    [Fact]
    public async Task Finding7_no_subject_under_CI_fails_the_item_with_BA2062_naming_the_opt_out()
    {
        // (Locally, or with BENCHAGENT_ALLOW_EMPTY_RUN=true, the same call skips the test: EmptyRunPolicy's tests cover
        // the switch, since a skip cannot be caught here without skipping this test.)
        await using var ci = Run(("CI", "true"));

        var failure = await Assert.ThrowsAnyAsync<Exception>(() => new FixtureBenchmarks(ci).Item(GateFixture.Benchmark, "item01"));

        Assert.StartsWith("BA2062: CI=true and no subject is configured", failure.Message, StringComparison.Ordinal);
        Assert.Contains("BENCHAGENT_ALLOW_EMPTY_RUN=true", failure.Message, StringComparison.Ordinal);
        Assert.True(ci.EmptyRuns.FailsEmptyRuns);
    }

    [Fact]
    public async Task Finding7_the_row_that_stands_for_nothing_to_evaluate_fails_under_CI_with_BA2061()
    {
        // Discovery adds this row (not skipped) under CI=true when no snapshot could be read or none is declared.
        await using var ci = Run(("CI", "true"));
        const string row = BenchmarkAgent.Testing.TestCases.BenchmarkItemsAttribute.EmptyRunRow;

        var failure = await Assert.ThrowsAnyAsync<Exception>(() => new FixtureBenchmarks(ci).Item(row, row));

        Assert.StartsWith("BA2061: CI=true and ", failure.Message, StringComparison.Ordinal);
        Assert.Contains("BENCHAGENT_ALLOW_EMPTY_RUN=true", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Finding9_a_gate_over_items_that_all_errored_fails_with_BA2064()
    {
        await using var server = FaultyOpenAiServer.Start(_ => "0", (_, _) => WireFault.NullContent);
        await using var run = Run(("BENCHAGENT_SUBJECT_ENDPOINT", server.BaseUri.ToString()), ("BENCHAGENT_SUBJECT_MODEL", "all-errors"), ("BENCHAGENT_SUBJECT_API_KEY", "sk-test"));

        var failure = await Assert.ThrowsAnyAsync<Exception>(() => new FixtureBenchmarks(run).Benchmark(GateFixture.Benchmark));
        var itemFailure = await Assert.ThrowsAnyAsync<Exception>(() => new FixtureBenchmarks(run).Item(GateFixture.Benchmark, "item00"));

        Assert.StartsWith("BA2064: every one of the 40 items of benchmark 'gate-fixture' errored", failure.Message, StringComparison.Ordinal);
        Assert.Contains("BA2063", failure.Message, StringComparison.Ordinal);
        Assert.Contains("the call failed", itemFailure.Message, StringComparison.Ordinal);
        Assert.Equal(BenchmarkAgent.Testing.Baselines.ItemVerdict.Error, Assert.Single(run.Results).Verdict);
    }

#pragma warning disable xUnit1000 // Not public on purpose: xUnit must not discover it; the tests above call it.
    private sealed class FixtureBenchmarks(BenchmarkRun run) : BenchmarkTestsBase(run);
#pragma warning restore xUnit1000
}
