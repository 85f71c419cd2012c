using System.Globalization;
using BenchmarkAgent.Testing.Running;
using BenchmarkAgent.Testing.Settings;
using BenchmarkAgent.Tests.Shared;

namespace BenchmarkAgent.Testing.Tests.Running;

/// <summary>
/// Issue 16, scale: a run drops an item's answers once its test has recorded the result, and the gate judges the
/// recorded results instead of every answer held to the end; whichever order xUnit runs the gate in, no item is asked twice.
/// </summary>
public sealed class RecordedResultsGateTests : IAsyncDisposable
{
    private readonly string _results = Path.Combine(Path.GetTempPath(), "benchagent-recorded-" + Guid.NewGuid().ToString("N"));
    private readonly OpenAiWireServer _server;
    private volatile bool _answerWrong;

    public RecordedResultsGateTests()
    {
        _server = OpenAiWireServer.Start(r => _answerWrong
            ? "Answer: wrong"
            : "Answer: " + int.Parse(r.LastUserText.Split(' ')[2].TrimEnd('?'), CultureInfo.InvariantCulture));
    }

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        if (Directory.Exists(_results))
        {
            Directory.Delete(_results, recursive: true);
        }
    }

    [Fact]
    public async Task Recorded_items_drop_their_answers_and_the_gate_judges_what_was_recorded_without_asking_again()
    {
        await using var run = Run();
        var tests = new FixtureBenchmarks(run);
        foreach (var item in GateFixture.Items())
        {
            await tests.Item(GateFixture.Benchmark, item.Id);
        }

        Assert.Equal(40, _server.Requests.Count);
        Assert.Equal(40, run.Results.Count(r => r.Score!.Passed));

        // From now on every answer would fail: a gate that asked or scored again would fail the minimum score.
        _answerWrong = true;
        await tests.Benchmark(GateFixture.Benchmark);
        Assert.Equal(40, _server.Requests.Count);

        // The answer to a recorded item is gone from the run: asking for it again is a new call (which now answers wrong).
        var again = await run.AskAsync(typeof(GateFixture).Assembly, GateFixture.Benchmark, GateFixture.Items()[5], TestContext.Current.CancellationToken);
        Assert.Equal(41, _server.Requests.Count);
        Assert.Equal("Answer: wrong", again.Text);
    }

    [Fact]
    public async Task A_gate_that_runs_before_the_item_tests_evaluates_each_item_once_and_the_item_tests_reuse_those_answers()
    {
        await using var run = Run();
        var tests = new FixtureBenchmarks(run);

        await tests.Benchmark(GateFixture.Benchmark);
        Assert.Equal(40, _server.Requests.Count);
        Assert.Empty(run.Results); // the gate records nothing: the item tests do

        _answerWrong = true; // a second call would now fail its item test
        foreach (var item in GateFixture.Items())
        {
            await tests.Item(GateFixture.Benchmark, item.Id);
        }

        Assert.Equal(40, _server.Requests.Count);
        Assert.Equal(GateFixture.Items().Select(i => i.Id), run.Results.Select(r => r.ItemId));
        Assert.All(run.Results, r => Assert.True(r.Score!.Passed));
    }

    [Fact]
    public async Task A_gate_between_item_tests_mixes_recorded_results_with_fresh_evaluations_and_asks_nobody_twice()
    {
        await using var run = Run();
        var tests = new FixtureBenchmarks(run);
        var items = GateFixture.Items();
        foreach (var item in items.Where((_, i) => i % 3 == 0))
        {
            await tests.Item(GateFixture.Benchmark, item.Id);
        }

        await tests.Benchmark(GateFixture.Benchmark);
        foreach (var item in items.Where((_, i) => i % 3 != 0))
        {
            await tests.Item(GateFixture.Benchmark, item.Id);
        }

        Assert.Equal(40, _server.Requests.Count);
        Assert.Equal(40, _server.Requests.Select(r => r.LastUserText).Distinct().Count());
        Assert.Equal(40, run.Results.Count);
    }

    private BenchmarkRun Run()
    {
        var environment = new Dictionary<string, string?>
        {
            [RunSettingsReader.ResultsDirectoryVariable] = _results,
            ["BENCHAGENT_SUBJECT_ENDPOINT"] = _server.BaseUrl,
            ["BENCHAGENT_SUBJECT_MODEL"] = "recorded-gate-model",
        };
        return new BenchmarkRun(name => environment.GetValueOrDefault(name));
    }

#pragma warning disable xUnit1000 // Not public on purpose: xUnit must not discover it; the tests above call it.
    private sealed class FixtureBenchmarks(BenchmarkRun run) : BenchmarkTestsBase(run);
#pragma warning restore xUnit1000
}
