using BenchmarkAgent.Testing.Evaluation;
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

    [Fact]
    public void Project_metrics_chart_numbers_in_five_ranges_booleans_as_false_and_true_and_strings_not_at_all()
    {
        var items = new[] { 10.0, 12, 20, 30 }
            .Select((words, i) => Row($"i{i}", metrics:
            [
                new HtmlMetric("Words", words, "", null) { Kind = MetricKind.Numeric },
                new HtmlMetric("On topic", null, "", null) { Kind = MetricKind.Boolean, BooleanValue = i != 2 },
                new HtmlMetric("Language", null, "", null) { Kind = MetricKind.String, StringValue = "en" },
            ]))
            .Append(Row("same", metrics: [new HtmlMetric("Constant", 7, "", null) { Kind = MetricKind.Numeric }]))
            .ToList();

        var model = HtmlReportModel.FromItems("s", items, []);

        Assert.Equal(["Constant", "On topic", "Words"], model.Metrics.Select(m => m.Name));
        var constant = model.Metrics[0];
        Assert.Equal([1], constant.Counts);
        Assert.Equal(["7"], constant.Labels);
        var onTopic = model.Metrics[1];
        Assert.Equal(MetricKind.Boolean, onTopic.Kind);
        Assert.Equal(["false", "true"], onTopic.Labels);
        Assert.Equal([1, 3], onTopic.Counts);
        Assert.Equal(0.75, onTopic.Mean);
        var words = model.Metrics[2];
        Assert.Equal(["10-14", "14-18", "18-22", "22-26", "26-30"], words.Labels);
        Assert.Equal([2, 0, 1, 0, 1], words.Counts); // the largest value falls in the last range
        Assert.Equal(18, words.Mean);
    }

    [Fact]
    public void Reported_metrics_keep_their_kind_and_value_in_the_rows()
    {
        var result = ReportSamples.Result("b", "s", "i0", "easy", passed: true) with
        {
            Metrics =
            [
                new MetricReport(0, "Relevance", 4, "Good", false, "on point", []),
                new MetricReport(0, "Polite", null, "Unknown", false, null, []) { Kind = MetricKind.Boolean, BooleanValue = false },
                new MetricReport(0, "Language", null, "Unknown", false, null, []) { Kind = MetricKind.String, StringValue = "fr" },
            ],
        };

        var row = Assert.Single(HtmlReportModel.Create(RunReport.Create([result])).Items);

        Assert.Equal(["4", "false", "fr"], row.Metrics.Select(m => m.ValueText));
        Assert.Equal([MetricKind.Score, MetricKind.Boolean, MetricKind.String], row.Metrics.Select(m => m.Kind));
    }

    internal static HtmlItemRow Row(string id, bool? passed = true, ItemVerdict? verdict = null, IReadOnlyList<HtmlMetric>? metrics = null, string benchmark = "b", string subtask = "s") =>
        new(benchmark, subtask, id, "easy", passed is null ? null : passed.Value ? 1 : 0, passed, "ans-" + id, "exp-" + id, 10, passed is null ? "error" : null, verdict, metrics ?? []);
}
