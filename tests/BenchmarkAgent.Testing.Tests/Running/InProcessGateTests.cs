using BenchmarkAgent.Testing.Settings;
using System.Globalization;
using BenchmarkAgent.Testing.Baselines;
using BenchmarkAgent.Testing.Running;
using BenchmarkAgent.Tests.Shared;

namespace BenchmarkAgent.Testing.Tests.Running;

/// <summary>
/// The real item and gate tests of <see cref="BenchmarkTestsBase"/>, run in-process over the fixture benchmark against
/// an in-test OpenAI-wire server with controlled answers. Each test uses its own model id, so its baseline file
/// (named after the subject) is its own.
/// </summary>
public sealed class InProcessGateTests : IAsyncDisposable
{
    private readonly string _results = Path.Combine(Path.GetTempPath(), "benchagent-inproc-" + Guid.NewGuid().ToString("N"));
    private readonly List<string> _baselines = [];
    private OpenAiWireServer? _server;

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        foreach (string path in _baselines.Where(File.Exists))
        {
            File.Delete(path);
        }

        if (Directory.Exists(_results))
        {
            Directory.Delete(_results, recursive: true);
        }
    }

    /// <summary>Starts the server (wrong on <paramref name="wrong"/>), plants the baseline (failed on <paramref name="baselineFailed"/>) and creates the run.</summary>
    private BenchmarkRun Start(string model, HashSet<int> wrong, HashSet<int>? baselineFailed)
    {
        _server = OpenAiWireServer.Start(r =>
        {
            int i = int.Parse(r.LastUserText.Split(' ')[2].TrimEnd('?'), CultureInfo.InvariantCulture);
            return "Answer: " + (wrong.Contains(i) ? i + 1000 : i);
        });
        string path = BaselineLayout.PathFor(GateFixture.OutputDirectory, model);
        _baselines.Add(path);
        if (baselineFailed is not null)
        {
            var items = GateFixture.Items().Select((item, i) => new BaselineItem(item.Id, !baselineFailed.Contains(i), baselineFailed.Contains(i) ? 0 : 1)).ToList();
            BaselineWriter.Write(path, new Baseline(GateFixture.Benchmark, model, items));
        }

        var environment = new Dictionary<string, string?>
        {
            ["BENCHAGENT_SUBJECT_ENDPOINT"] = _server.BaseUrl,
            ["BENCHAGENT_SUBJECT_MODEL"] = model,
            ["BENCHAGENT_SUBJECT_API_KEY"] = "sk-test",
            [RunSettingsReader.ResultsDirectoryVariable] = _results,
        };
        return new BenchmarkRun(name => environment.GetValueOrDefault(name));
    }

    [Fact]
    public async Task A_regression_fails_its_item_test_and_a_known_failure_passes_with_a_note()
    {
        var run = Start("inproc-regression", wrong: [3, 5], baselineFailed: [5]);
        var tests = new FixtureBenchmarks(run);

        var regression = await Assert.ThrowsAnyAsync<Exception>(() => tests.Item(GateFixture.Benchmark, "item03"));
        await tests.Item(GateFixture.Benchmark, "item05");
        await tests.Item(GateFixture.Benchmark, "item07");
        await run.DisposeAsync();

        Assert.StartsWith("REGRESSION (passed in the baseline): gate-fixture/subtask/item03: expected 3", regression.Message);
        var verdicts = run.Results.ToDictionary(r => r.ItemId, r => r.Verdict);
        Assert.Equal(ItemVerdict.Regression, verdicts["item03"]);
        Assert.Equal(ItemVerdict.KnownFailure, verdicts["item05"]);
        Assert.Equal(ItemVerdict.Pass, verdicts["item07"]);
        string markdown = await File.ReadAllTextAsync(Path.Combine(_results, "report.md"), TestContext.Current.CancellationToken);
        Assert.Contains("| **gate-fixture** | 1 | 1 | 0 | – | – | – | not run |", markdown);
        Assert.Contains("gate-fixture regressions: `item03`", markdown);
    }

    [Fact]
    public async Task The_gate_test_passes_a_noisy_drop_and_reports_it()
    {
        // Baseline 36/40 (items 0-3 failed); now item 0 recovers and items 10-12 flip: b=3, c=1, p=0.625.
        var run = Start("inproc-noisy", wrong: [1, 2, 3, 10, 11, 12], baselineFailed: [0, 1, 2, 3]);

        await new FixtureBenchmarks(run).Benchmark(GateFixture.Benchmark);
        await run.DisposeAsync();

        string json = await File.ReadAllTextAsync(Path.Combine(_results, "report.json"), TestContext.Current.CancellationToken);
        Assert.Contains("\"gatePassed\": true", json);
        Assert.Contains("\"pValue\": 0.625", json);
    }

    [Fact]
    public async Task The_gate_test_fails_a_large_drop_with_the_p_value()
    {
        var run = Start("inproc-large", wrong: [.. Enumerable.Range(0, 12)], baselineFailed: []);

        var failure = await Assert.ThrowsAnyAsync<Exception>(() => new FixtureBenchmarks(run).Benchmark(GateFixture.Benchmark));
        await run.DisposeAsync();

        Assert.StartsWith("gate-fixture: the gate failed.", failure.Message);
        Assert.Contains("b=12 regressions, c=0 improvements", failure.Message);
        Assert.Contains("p=0.000488 (alpha 0.05) -> SIGNIFICANT drop", failure.Message);
        Assert.Contains("min score: 0.5 (met)", failure.Message);
    }

    [Fact]
    public async Task The_gate_test_fails_below_the_minimum_score_without_a_baseline()
    {
        var run = Start("inproc-minscore", wrong: [.. Enumerable.Range(0, 21)], baselineFailed: null);

        var failure = await Assert.ThrowsAnyAsync<Exception>(() => new FixtureBenchmarks(run).Benchmark(GateFixture.Benchmark));
        await run.DisposeAsync();

        Assert.Contains("score:     19/40 passed, 0 errors, mean score 0.475", failure.Message);
        Assert.Contains("min score: 0.5 (NOT met)", failure.Message);
        Assert.Contains("baseline:  none", failure.Message);
    }

#pragma warning disable xUnit1000 // Not public on purpose: xUnit must not discover it; the tests above call it.
    private sealed class FixtureBenchmarks(BenchmarkRun run) : BenchmarkTestsBase(run);
#pragma warning restore xUnit1000
}
