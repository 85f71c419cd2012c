using BenchmarkAgent.Testing.Reports;

using BenchmarkAgent.Testing.Baselines;

namespace BenchmarkAgent.Testing.Tests.Reports;

public sealed class HtmlReportModelTests
{
    [Fact]
    public void Subtask_pass_rates_count_errors_apart_and_carry_the_wilson_interval()
    {
        var model = HtmlReportModel.Create(ReportSamples.Run());

        Assert.Equal(["arith/add", "arith/mul", "logic/knights"], model.Subtasks.Select(s => s.Label));
        var add = model.Subtasks[0];
        Assert.Equal((8, 8, 5), (add.Items, add.Scored, add.Passed));
        Assert.Equal(0.625, add.Rate);
        Assert.Equal(WilsonInterval.Of(5, 8), add.Interval);
        var mul = model.Subtasks[1];
        Assert.Equal((4, 3, 1), (mul.Items, mul.Scored, mul.Passed)); // the failed call is not scored
        Assert.Equal(1.0 / 3, mul.Rate, 10);
    }

    [Fact]
    public void Difficulty_curves_are_per_benchmark_and_ordered_easy_medium_hard()
    {
        var model = HtmlReportModel.Create(ReportSamples.Run());

        var arith = Assert.Single(model.Difficulties, d => d.Benchmark == "arith");
        Assert.Equal(["easy", "medium", "hard"], arith.Points.Select(p => p.Label));
        Assert.Equal([0.75, 0.5, 1.0 / 3], arith.Points.Select(p => Math.Round(p.Rate, 10)), (a, b) => Math.Abs(a - b) < 1e-9);
        var logic = Assert.Single(model.Difficulties, d => d.Benchmark == "logic");
        Assert.Equal(["medium"], logic.Points.Select(p => p.Label));
    }

    [Fact]
    public void Rows_keep_the_answer_expected_latency_and_error_of_each_result()
    {
        var model = HtmlReportModel.Create(ReportSamples.Run());

        Assert.Equal(14, model.Items.Count);
        var injected = Assert.Single(model.Items, i => i.Id == "m1");
        Assert.Equal((ReportSamples.Injection, "42", false, 0.0), (injected.Answer, injected.Expected, injected.Passed!.Value, injected.Score!.Value));
        var failed = Assert.Single(model.Items, i => i.Id == "m3");
        Assert.Equal((null, null, "HttpRequestException: boom"), (failed.Passed, failed.Score, failed.Error));
        Assert.Equal(103, model.Items.Single(i => i.Id == "a3").LatencyMilliseconds);
    }

    [Fact]
    public void Optional_sections_are_empty_without_judge_metrics_or_verdicts()
    {
        var model = HtmlReportModel.Create(ReportSamples.Run());

        Assert.Empty(model.Metrics);
        Assert.Empty(model.Gates);
        Assert.False(model.HasVerdicts);
    }

    [Fact]
    public void Judge_metric_histograms_count_each_value_from_1_to_5_per_metric()
    {
        var items = new[] { 5, 4, 4, 1 }
            .Select((value, i) => Row($"i{i}", metrics: [new HtmlMetric("Coherence", value, "r", "because"), new HtmlMetric("Fluency", 3, "", "")]))
            .Append(Row("out-of-range", metrics: [new HtmlMetric("Coherence", 9, "", ""), new HtmlMetric("Coherence", null, "Unknown", null)]))
            .Append(Row("fractional", metrics: [new HtmlMetric("Fluency", 2.5, "", null), new HtmlMetric("Fluency", 2.4, "", null)]))
            .ToList();

        var model = HtmlReportModel.FromItems("s", items, []);

        Assert.Equal(["Coherence", "Fluency"], model.Metrics.Select(m => m.Name));
        Assert.Equal([1, 0, 0, 2, 1], model.Metrics[0].Counts);
        Assert.Equal(3.5, model.Metrics[0].Mean);
        Assert.Equal([0, 1, 5, 0, 0], model.Metrics[1].Counts); // 2.4 -> 2, 2.5 -> 3
    }

    internal static HtmlItemRow Row(string id, bool? passed = true, ItemVerdict? verdict = null, IReadOnlyList<HtmlMetric>? metrics = null, string benchmark = "b", string subtask = "s") =>
        new(benchmark, subtask, id, "easy", passed is null ? null : passed.Value ? 1 : 0, passed, "ans-" + id, "exp-" + id, 10, passed is null ? "error" : null, verdict, metrics ?? []);
}
