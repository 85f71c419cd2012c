using BenchmarkAgent.Execution;
using BenchmarkAgent.Testing.Evaluation;
using Microsoft.Extensions.AI.Evaluation;
using BenchmarkAgent.Items;

namespace BenchmarkAgent.Testing.Tests.Evaluation;

public sealed class EvaluationSchedulerTests
{
    private const string Reference = "100 degrees";

    private const string JudgeReply = """
        {"relevance": {"score": 5, "reason": "answers it"}, "coherence": {"score": 4, "reason": "clear"},
         "fluency": {"score": 5, "reason": "fine"}, "equivalence": {"score": 2, "reason": "vaguer"},
         "completeness": {"score": 4, "reason": "mostly"}}
        """;

    private static readonly BenchmarkItem FreeText = TestItems.Item(ExpectedAnswer.FreeText(Reference), id: "free000001", prompt: "At what temperature does water boil?");

    private static Task<ItemEvaluation> Evaluate(EvaluationScheduler scheduler, BenchmarkItem item, string response = "It boils at 100 degrees here") =>
        scheduler.EvaluateAsync("bench", item, 0, response, TestContext.Current.CancellationToken);

    [Fact]
    public async Task A_free_text_item_gets_the_rubric_and_the_project_evaluator_metrics_from_one_composite()
    {
        using var judge = new CannedJudge(JudgeReply);
        var custom = new ResponseFactsEvaluator();
        await using var scheduler = new EvaluationScheduler(judge, [custom], concurrency: 2);

        var evaluation = await Evaluate(scheduler, FreeText);

        Assert.Equal(
            ["Coherence", "Completeness", "Equivalence", "First word", "Fluency", "Mentions reference", "Relevance", "Words"],
            evaluation.Result.Metrics.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(2, evaluation.Result.Get<NumericMetric>("Equivalence").Value);
        Assert.Equal(6, evaluation.Result.Get<NumericMetric>(ResponseFactsEvaluator.Words).Value);
        Assert.True(evaluation.Result.Get<BooleanMetric>(ResponseFactsEvaluator.MentionsReference).Value);
        Assert.Equal("It", evaluation.Result.Get<StringMetric>(ResponseFactsEvaluator.FirstWord).Value);
        // The project's evaluator gets the judge, the question and the item's reference; the judge is asked once.
        var call = Assert.Single(custom.Calls);
        Assert.Same(judge, call.Judge!.ChatClient);
        Assert.Equal("At what temperature does water boil?", call.Question);
        Assert.Equal(Reference, Assert.IsType<ReferenceAnswerContext>(Assert.Single(call.Context)).ReferenceAnswer);
        Assert.Single(judge.Requests);
        Assert.Equal(new Results.TokenCounts(100, 20), evaluation.JudgeTokens);
    }

    [Fact]
    public async Task Without_a_judge_the_project_evaluator_runs_alone_for_any_item_and_gets_no_chat_configuration()
    {
        var custom = new ResponseFactsEvaluator();
        await using var scheduler = new EvaluationScheduler(null, [custom], concurrency: 1);
        var numberItem = TestItems.Number("42") with { Context = "Forty-two is the answer." };

        Assert.True(scheduler.Evaluates(numberItem));
        var evaluation = await Evaluate(scheduler, numberItem, "42");

        Assert.Equal(["First word", "Mentions reference", "Words"], evaluation.Result.Metrics.Keys.Order(StringComparer.Ordinal));
        var call = Assert.Single(custom.Calls);
        Assert.Null(call.Judge);
        Assert.Equal("Forty-two is the answer.", call.Context.OfType<GroundingPassageContext>().Single().Passage);
        Assert.Null(evaluation.JudgeTokens);
    }

    [Fact]
    public async Task With_a_judge_but_no_project_evaluator_only_free_text_items_are_evaluated()
    {
        using var judge = new CannedJudge(JudgeReply);
        await using var scheduler = new EvaluationScheduler(judge, [], concurrency: 1);

        Assert.True(scheduler.Evaluates(FreeText));
        Assert.False(scheduler.Evaluates(TestItems.Number("42")));
        await using var none = new EvaluationScheduler(null, [], concurrency: 1);
        Assert.False(none.Evaluates(FreeText));
    }

    [Fact]
    public async Task A_throwing_project_evaluator_gives_its_metrics_an_error_diagnostic_and_the_rubric_still_counts()
    {
        using var judge = new CannedJudge(JudgeReply);
        await using var scheduler = new EvaluationScheduler(judge, [new ThrowingEvaluator(), new ResponseFactsEvaluator()], concurrency: 1);

        var evaluation = await Evaluate(scheduler, FreeText);

        var broken = evaluation.Result.Metrics["Tokenizer score"];
        var diagnostic = Assert.Single(broken.Diagnostics!);
        Assert.Equal(EvaluationDiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal($"The evaluator {typeof(ThrowingEvaluator).FullName} threw InvalidOperationException: the tokenizer file is missing", diagnostic.Message);
        Assert.True(broken.Interpretation!.Failed);
        Assert.Equal(EvaluationRating.Inconclusive, broken.Interpretation.Rating);
        Assert.Equal(5, evaluation.Result.Get<NumericMetric>("Relevance").Value);
        Assert.Equal(6, evaluation.Result.Get<NumericMetric>(ResponseFactsEvaluator.Words).Value);
        var report = MetricReport.From(0, evaluation.Result).Single(m => m.Name == "Tokenizer score");
        Assert.Equal(MetricKind.None, report.Kind);
        Assert.True(report.HasError);
        Assert.Contains("the tokenizer file is missing", report.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_project_evaluator_cannot_replace_the_rubric_metrics_with_ones_it_does_not_advertise()
    {
        using var judge = new CannedJudge(JudgeReply);
        await using var scheduler = new EvaluationScheduler(judge, [new UnadvertisedEquivalenceEvaluator()], concurrency: 1);

        var evaluation = await Evaluate(scheduler, FreeText);

        var equivalence = evaluation.Result.Get<NumericMetric>("Equivalence");
        Assert.Equal(2, equivalence.Value); // the judge's, not the evaluator's 5
        Assert.True(equivalence.Interpretation!.Failed);
        var own = evaluation.Result.Get<NumericMetric>("Own");
        var warning = Assert.Single(own.Diagnostics!);
        Assert.Equal(EvaluationDiagnosticSeverity.Warning, warning.Severity);
        Assert.Contains("left out: Equivalence", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failing_judge_call_still_fails_the_item_closed_next_to_a_project_evaluator()
    {
        using var judge = new CannedJudge(JudgeReply, new HttpRequestException("judge endpoint refused"));
        var custom = new ResponseFactsEvaluator();
        await using var scheduler = new EvaluationScheduler(judge, [custom], concurrency: 1);

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => Evaluate(scheduler, FreeText));

        Assert.Equal("judge endpoint refused", error.Message);
        Assert.Single(custom.Calls);
    }

    [Fact]
    public async Task Each_repeat_is_evaluated_once_however_often_it_is_awaited()
    {
        using var judge = new CannedJudge(JudgeReply);
        var custom = new ResponseFactsEvaluator();
        await using var scheduler = new EvaluationScheduler(judge, [custom], concurrency: 2);

        var first = await Evaluate(scheduler, FreeText);
        var again = await Evaluate(scheduler, FreeText);
        var other = await scheduler.EvaluateAsync("bench", FreeText, 1, "no idea", TestContext.Current.CancellationToken);

        Assert.Same(first, again);
        Assert.NotSame(first, other);
        Assert.Equal(2, custom.Calls.Count);
        Assert.Equal(2, judge.Requests.Count);
    }
}
