using System.Text;
using System.Text.Json;
using BenchmarkAgent.Testing.Baselines;
using BenchmarkAgent.Testing.Reports;
using BenchmarkAgent.Testing.Running;
using BenchmarkAgent.Testing.TestCases;
using BenchmarkAgent.Testing.Results;

namespace BenchmarkAgent.Testing.Tests.Running;

/// <summary>Baselines and the gate over real subject calls to an in-test OpenAI-wire server with controlled answers.</summary>
public sealed class BaselineGateScenarioTests : IDisposable
{
    private readonly GateScenario _scenario = new();

    public void Dispose() => _scenario.Dispose();

    private static BaselineStore Store(params (string Name, string Value)[] environment) =>
        new(name => environment.FirstOrDefault(e => e.Name == name).Value);

    private static Dictionary<string, ItemJudgement> Judge(BaselineStore store, BenchmarkLocation location, string model, IEnumerable<ItemResult> results) =>
        results.ToDictionary(r => r.ItemId, r => store.Judge(location, model, r.ItemId, r.Score?.Passed));

    [Fact]
    public async Task Without_a_baseline_scores_are_exact_and_wrong_items_fail_as_before()
    {
        var results = await _scenario.RunAsync("model-a", GateScenario.Range(0, 10));
        var store = Store();

        var met = store.Check(_scenario.Location(minScore: "0.75"), "model-a", results);
        var missed = store.Check(_scenario.Location(minScore: "0.8"), "model-a", results);
        var judged = Judge(store, _scenario.Location(), "model-a", results);

        Assert.Equal(30, met.Gate!.Passed);
        Assert.Equal(0.75, met.Gate.Score);
        Assert.Null(met.Gate.Baseline);
        Assert.Null(met.Failure);
        Assert.Contains("min score: 0.75 (met)", met.Lines);
        Assert.NotNull(missed.Failure);
        Assert.Contains("min score: 0.8 (NOT met)", missed.Failure);
        Assert.Contains("score:     30/40 passed, 0 errors, mean score 0.75", missed.Failure);
        Assert.Equal(10, judged.Values.Count(j => j.Verdict == ItemVerdict.Fail && j.FailsTest));
        Assert.Equal(30, judged.Values.Count(j => j.Verdict == ItemVerdict.Pass && !j.FailsTest));
        Assert.All(judged.Values, j => Assert.Null(j.Note));
    }

    [Fact]
    public async Task A_known_failure_does_not_fail_its_test_and_is_counted_apart()
    {
        _scenario.PlantBaseline("model-b", GateScenario.Range(5, 2));
        var results = await _scenario.RunAsync("model-b", GateScenario.Range(5, 2));
        var store = Store();

        var judged = Judge(store, _scenario.Location(), "model-b", results);
        var outcome = store.Check(_scenario.Location(), "model-b", results);

        Assert.Equal(ItemVerdict.KnownFailure, judged["item05"].Verdict);
        Assert.False(judged["item05"].FailsTest);
        Assert.Contains("known failure", judged["item05"].Note);
        Assert.Equal(38, judged.Values.Count(j => j.Verdict == ItemVerdict.Pass && !j.FailsTest));
        Assert.Null(outcome.Failure);
        Assert.Equal(2, outcome.Gate!.KnownFailures);
        Assert.Equal(0, outcome.Gate.Drop.Discordant);
    }

    [Fact]
    public async Task A_planted_regression_fails_its_item_test_but_one_flip_does_not_fail_the_gate()
    {
        _scenario.PlantBaseline("model-c", []);
        var results = await _scenario.RunAsync("model-c", GateScenario.Range(3, 1));
        var store = Store();

        var judged = Judge(store, _scenario.Location(), "model-c", results);
        var outcome = store.Check(_scenario.Location(), "model-c", results);

        Assert.Equal(ItemVerdict.Regression, judged["item03"].Verdict);
        Assert.True(judged["item03"].FailsTest);
        Assert.Contains("REGRESSION", judged["item03"].Note);
        Assert.Single(judged.Values, j => j.FailsTest);
        Assert.Null(outcome.Failure);
        Assert.Equal(1, outcome.Gate!.Drop.Regressions);
        Assert.Equal(1.0, outcome.Gate.Drop.PValue);
    }

    [Fact]
    public async Task A_noisy_drop_passes_the_gate_with_the_p_value_shown()
    {
        // Baseline: items 0-9 failed (30/40). Now: item 0 recovers, items 20-22 flip: b=3, c=1 (28/40).
        _scenario.PlantBaseline("model-d", GateScenario.Range(0, 10));
        var wrong = GateScenario.Range(1, 9);
        wrong.UnionWith([20, 21, 22]);
        var results = await _scenario.RunAsync("model-d", wrong);

        var outcome = Store().Check(_scenario.Location(), "model-d", results);

        Assert.Null(outcome.Failure);
        Assert.Equal((3, 1), (outcome.Gate!.Drop.Regressions, outcome.Gate.Drop.Improvements));
        Assert.Equal(0.625, outcome.Gate.Drop.PValue, 1e-12);
        Assert.False(outcome.Gate.SignificantDrop);
        Assert.Contains(outcome.Lines, l => l.Contains("b=3 regressions, c=1 improvements", StringComparison.Ordinal) && l.Contains("p=0.625 (alpha 0.05) -> drop not significant", StringComparison.Ordinal));
        Assert.Contains("baseline:  arith/baselines/model-d.json: 30/40 paired items passed then, 28/40 now; 9 known failures, 0 new items", outcome.Lines);
    }

    [Fact]
    public async Task A_large_drop_fails_the_gate_and_the_report_lists_regressions_first()
    {
        _scenario.PlantBaseline("model-e", GateScenario.Range(30, 2));
        var results = await _scenario.RunAsync("model-e", GateScenario.Range(0, 12).Union(GateScenario.Range(30, 2)).ToHashSet());
        var store = Store();

        var outcome = store.Check(_scenario.Location(), "model-e", results);
        var judged = Judge(store, _scenario.Location(), "model-e", results);
        var withVerdicts = results.Select(r => r with { Verdict = judged[r.ItemId].Verdict }).ToList();
        var report = RunReport.Create(withVerdicts) with { Baselines = BaselineSummary.Create(withVerdicts, [outcome.Gate!]) };
        string markdown = ReportWriter.Markdown(report);

        Assert.NotNull(outcome.Failure);
        Assert.Equal(0.00048828125, outcome.Gate!.Drop.PValue, 1e-12);
        Assert.Contains("b=12 regressions, c=0 improvements", outcome.Failure);
        Assert.Contains("p=0.000488 (alpha 0.05) -> SIGNIFICANT drop", outcome.Failure);
        Assert.Contains("gate:      FAIL", outcome.Failure);
        var summary = Assert.Single(report.Baselines);
        Assert.Equal(12, summary.RegressionCount);
        Assert.Equal(["item30", "item31"], summary.KnownFailures);
        Assert.Contains("| **arith** | 12 | 2 | 0 | 12 / 0 | 0.0005 | – | **FAIL** |", markdown);
        int regressions = markdown.IndexOf("arith regressions: `item00`", StringComparison.Ordinal);
        int known = markdown.IndexOf("arith known failures: `item30`, `item31`", StringComparison.Ordinal);
        Assert.InRange(regressions, 0, known - 1);
        string json = JsonSerializer.Serialize(report);
        Assert.Contains("\"RegressionCount\":12", json);
        Assert.Contains("\"Verdict\":\"Regression\"", json);
    }

    [Fact]
    public async Task Record_mode_writes_the_baseline_with_the_expected_bytes_and_wrong_items_do_not_fail()
    {
        using var scenario = new GateScenario(items: 4);
        var results = await scenario.RunAsync("gpt-test/v1", [1]);
        var store = Store((BaselineRecording.Variable, "true"));

        var judged = Judge(store, scenario.Location(), "gpt-test/v1", results);
        var outcome = store.Check(scenario.Location(), "gpt-test/v1", results);

        Assert.Null(outcome.Failure);
        string path = Path.Combine(scenario.Directory, "project", "arith", "baselines", "gpt-test-v1.json");
        Assert.Equal(
            "{\n  \"schema\": \"benchagent/baseline@1\",\n  \"benchmark\": \"arith\",\n  \"subject\": \"gpt-test/v1\",\n  \"passed\": 3,\n  \"total\": 4,\n  \"items\": [\n" +
            "    { \"id\": \"item00\", \"passed\": true, \"score\": 1 },\n" +
            "    { \"id\": \"item01\", \"passed\": false, \"score\": 0 },\n" +
            "    { \"id\": \"item02\", \"passed\": true, \"score\": 1 },\n" +
            "    { \"id\": \"item03\", \"passed\": true, \"score\": 1 }\n  ]\n}\n",
            Encoding.UTF8.GetString(File.ReadAllBytes(path)));
        Assert.Equal(File.ReadAllBytes(path), File.ReadAllBytes(Path.Combine(scenario.Directory, "out", "arith", "baselines", "gpt-test-v1.json")));
        Assert.StartsWith("recorded:  " + path + " (3/4 passed).", Assert.Single(outcome.Lines));
        Assert.Equal(ItemVerdict.Fail, judged["item01"].Verdict);
        Assert.False(judged["item01"].FailsTest);
    }

    [Theory]
    [InlineData("true")]
    [InlineData("TRUE")]
    public async Task A_locked_CI_run_refuses_to_record_with_BA2055_and_writes_nothing(string ci)
    {
        var results = await _scenario.RunAsync("model-f", [1]);
        var store = Store((BaselineRecording.Variable, "true"), ("CI", ci));

        var outcome = store.Check(_scenario.Location(), "model-f", results);

        Assert.False(store.Recording.Enabled);
        Assert.StartsWith("BA2055", outcome.Failure);
        Assert.Contains("CI never rewrites baselines", outcome.Failure);
        Assert.False(Directory.Exists(Path.Combine(_scenario.Directory, "project")));
        Assert.True(store.Judge(_scenario.Location(), "model-f", "item01", false).FailsTest);
    }

    [Fact]
    public async Task Recording_refuses_when_a_subject_call_failed_and_writes_nothing()
    {
        var results = await _scenario.RunAsync("model-g", [], failing: new HashSet<int> { 2, 7 });

        var outcome = Store((BaselineRecording.Variable, "1")).Check(_scenario.Location(), "model-g", results);

        Assert.StartsWith("BA2056", outcome.Failure);
        Assert.Contains("2 subject call(s) failed (item02, item07)", outcome.Failure);
        Assert.False(Directory.Exists(Path.Combine(_scenario.Directory, "project")));
    }

    [Fact]
    public async Task An_error_fails_its_test_even_when_the_baseline_says_the_item_failed()
    {
        _scenario.PlantBaseline("model-h", GateScenario.Range(2, 1));
        var results = await _scenario.RunAsync("model-h", [], failing: new HashSet<int> { 2 });
        var store = Store();

        var judgement = store.Judge(_scenario.Location(), "model-h", "item02", results[2].Score?.Passed);
        var outcome = store.Check(_scenario.Location(), "model-h", results);

        Assert.Null(results[2].Score);
        Assert.Equal(ItemVerdict.Error, judgement.Verdict);
        Assert.True(judgement.FailsTest);
        Assert.Equal(1, outcome.Gate!.Errors);
        Assert.Equal(39.0 / 40, outcome.Gate.Score);
    }

    [Fact]
    public async Task A_malformed_baseline_fails_item_and_gate_tests_closed_with_BA2050()
    {
        string path = BaselineLayout.PathFor(_scenario.Location().SnapshotDirectory, "model-i");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllTextAsync(path, "{ \"schema\": ", TestContext.Current.CancellationToken);
        var results = await _scenario.RunAsync("model-i", []);
        var store = Store();

        var judgement = store.Judge(_scenario.Location(), "model-i", "item00", true);
        var outcome = store.Check(_scenario.Location(), "model-i", results);

        Assert.True(judgement.FailsTest);
        Assert.Contains("error BA2050", judgement.BaselineError);
        Assert.Contains(path, judgement.BaselineError);
        Assert.Contains("error BA2050", outcome.Failure);
    }

    [Theory]
    [InlineData("yes", "BA2054")]
    [InlineData("2", "BA2054")]
    public void An_invalid_record_switch_is_an_error(string value, string code)
    {
        var recording = BaselineRecording.Read(name => name == BaselineRecording.Variable ? value : null);

        Assert.False(recording.Enabled);
        Assert.StartsWith(code, recording.Error);
        Assert.Contains($"'{value}'", recording.Error);
    }

    [Fact]
    public async Task Invalid_gate_metadata_fails_the_gate_with_its_code()
    {
        var results = await _scenario.RunAsync("model-j", []);

        var outcome = Store().Check(_scenario.Location(minScore: "60%"), "model-j", results);

        Assert.StartsWith("BA2052", outcome.Failure);
    }
}
