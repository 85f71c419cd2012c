using BenchmarkAgent.Testing.Evaluation;
using BenchmarkAgent.Models;
using BenchmarkAgent.Testing.Subjects;
using BenchmarkAgent.Tests.Shared;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.AI.Evaluation;

namespace BenchmarkAgent.Testing.Tests.Evaluation;

public sealed class RubricEvaluatorTests
{
    private const string AllScores = """
        {"relevance": {"score": 5, "reason": "On point."},
         "coherence": {"score": 4, "reason": "Clear."},
         "fluency": {"score": 3, "reason": "Some awkward phrasing."},
         "equivalence": {"score": 2, "reason": "Different meaning."},
         "completeness": {"score": 1, "reason": "Misses every point."}}
        """;

    private static readonly ChatMessage[] Question = [new(ChatRole.User, "Why is the sky blue?")];

    private static IChatClient Judge(OpenAiWireServer server) =>
        EndpointChatClient.Create(new ModelRoleSettings(ModelRole.Judge, server.BaseUri, "judge-model", "sk-judge"));

    private static async Task<EvaluationResult> Evaluate(OpenAiWireServer server, params EvaluationContext[] contexts)
    {
        using var judge = Judge(server);
        return await new RubricEvaluator()
            .EvaluateAsync(Question, new ChatResponse(new ChatMessage(ChatRole.Assistant, "Rayleigh scattering.")), new ChatConfiguration(judge), contexts, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Exact_judge_scores_become_metrics_with_rating_reason_and_pass_or_fail()
    {
        await using var server = OpenAiWireServer.Start(_ => "```json\n" + AllScores + "\n```");

        var result = await Evaluate(server, new ReferenceAnswerContext("Shorter wavelengths scatter more."));

        Assert.Equal(5, result.Metrics.Count);
        var expected = new (string Name, double Score, EvaluationRating Rating, bool Failed, string Reason)[]
        {
            ("Relevance", 5, EvaluationRating.Exceptional, false, "On point."),
            ("Coherence", 4, EvaluationRating.Good, false, "Clear."),
            ("Fluency", 3, EvaluationRating.Average, true, "Some awkward phrasing."),
            ("Equivalence", 2, EvaluationRating.Poor, true, "Different meaning."),
            ("Completeness", 1, EvaluationRating.Unacceptable, true, "Misses every point."),
        };
        foreach (var (name, score, rating, failed, reason) in expected)
        {
            var metric = result.Get<NumericMetric>(name);
            Assert.Equal(score, metric.Value);
            Assert.Equal(rating, metric.Interpretation!.Rating);
            Assert.Equal(failed, metric.Interpretation.Failed);
            Assert.Equal(reason, metric.Reason);
            Assert.True(metric.Diagnostics is null or { Count: 0 });
            Assert.Equal("judge-model", metric.Metadata![JudgeMetadata.ModelUsed]);
            Assert.Equal(
                long.Parse(metric.Metadata![JudgeMetadata.InputTokensUsed], System.Globalization.CultureInfo.InvariantCulture) + long.Parse(metric.Metadata[JudgeMetadata.OutputTokensUsed], System.Globalization.CultureInfo.InvariantCulture),
                long.Parse(metric.Metadata[JudgeMetadata.TotalTokensUsed], System.Globalization.CultureInfo.InvariantCulture));
        }

        Assert.NotNull(JudgeMetadata.Tokens(result));
    }

    [Fact]
    public async Task The_judge_asks_for_a_json_schema_reply_with_one_required_entry_per_applicable_metric()
    {
        await using var server = OpenAiWireServer.Start(_ => AllScores);

        await Evaluate(server, new ReferenceAnswerContext("Shorter wavelengths scatter more."));

        var request = Assert.Single(server.Requests);
        using var body = System.Text.Json.JsonDocument.Parse(request.Body);
        var format = body.RootElement.GetProperty("response_format");
        Assert.Equal("json_schema", format.GetProperty("type").GetString());
        var jsonSchema = format.GetProperty("json_schema");
        Assert.Equal(JudgeReplySchema.Name, jsonSchema.GetProperty("name").GetString());
        var schema = jsonSchema.GetProperty("schema");
        Assert.False(schema.GetProperty("additionalProperties").GetBoolean());
        // No passage was given, so groundedness is neither asked for nor in the schema.
        Assert.Equal(
            ["relevance", "coherence", "fluency", "equivalence", "completeness"],
            schema.GetProperty("required").EnumerateArray().Select(e => e.GetString()!).ToArray());
        var entry = schema.GetProperty("properties").GetProperty("equivalence");
        Assert.Equal("integer", entry.GetProperty("properties").GetProperty("score").GetProperty("type").GetString());
        Assert.Equal("string", entry.GetProperty("properties").GetProperty("reason").GetProperty("type").GetString());
        Assert.Equal(["score", "reason"], entry.GetProperty("required").EnumerateArray().Select(e => e.GetString()!).ToArray());
    }

    [Fact]
    public async Task The_judge_gets_the_question_response_and_reference_as_fenced_data_with_temperature_zero()
    {
        await using var server = OpenAiWireServer.Start(_ => AllScores);

        await Evaluate(server, new ReferenceAnswerContext("Shorter wavelengths scatter more."));

        var request = Assert.Single(server.Requests);
        Assert.Equal("judge-model", request.Model);
        Assert.Equal(0, request.Temperature);
        Assert.Equal(JudgePrompt.SystemInstruction, request.SystemText);
        Assert.Contains("<data>\nWhy is the sky blue?\n</data>", request.LastUserText, StringComparison.Ordinal);
        Assert.Contains("<data>\nRayleigh scattering.\n</data>", request.LastUserText, StringComparison.Ordinal);
        Assert.Contains("<data>\nShorter wavelengths scatter more.\n</data>", request.LastUserText, StringComparison.Ordinal);
        Assert.DoesNotContain("\"groundedness\"", request.LastUserText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Groundedness_is_asked_only_with_a_grounding_context_and_reference_metrics_only_with_a_reference()
    {
        await using var server = OpenAiWireServer.Start(_ => """{"relevance": {"score": 4, "reason": "ok"}, "coherence": {"score": 4, "reason": "ok"}, "fluency": {"score": 4, "reason": "ok"}, "groundedness": {"score": 5, "reason": "supported"}}""");

        var result = await Evaluate(server, new GroundingPassageContext("Light scatters off air molecules."));

        Assert.Equal(["Coherence", "Fluency", "Groundedness", "Relevance"], result.Metrics.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(5, result.Get<NumericMetric>("Groundedness").Value);
    }

    [Theory]
    [InlineData("I think it is a great answer, 5 out of 5!")]
    [InlineData("{\"relevance\": {\"score\": 5, \"reason\": \"cut off")]
    [InlineData("[5, 4, 3]")]
    public async Task Malformed_judge_json_gives_failed_metrics_with_a_diagnostic_not_an_exception(string reply)
    {
        await using var server = OpenAiWireServer.Start(_ => reply);

        var result = await Evaluate(server);

        Assert.Equal(3, result.Metrics.Count);
        Assert.All(result.Metrics.Values.Cast<NumericMetric>(), metric =>
        {
            Assert.Null(metric.Value);
            Assert.True(metric.Interpretation!.Failed);
            Assert.Equal(EvaluationRating.Inconclusive, metric.Interpretation.Rating);
            var diagnostic = Assert.Single(metric.Diagnostics!);
            Assert.Equal(EvaluationDiagnosticSeverity.Error, diagnostic.Severity);
        });
    }

    [Fact]
    public async Task A_missing_or_out_of_range_score_fails_only_that_metric()
    {
        await using var server = OpenAiWireServer.Start(_ => """{"relevance": {"score": 7, "reason": "too high"}, "coherence": {"score": "4", "reason": "string score"}}""");

        var result = await Evaluate(server);

        var relevance = result.Get<NumericMetric>("Relevance");
        Assert.True(relevance.Interpretation!.Failed);
        Assert.Contains("not a number from 1 to 5", relevance.Diagnostics![0].Message, StringComparison.Ordinal);
        Assert.Equal(4, result.Get<NumericMetric>("Coherence").Value);
        Assert.Contains("no entry for 'fluency'", result.Get<NumericMetric>("Fluency").Diagnostics![0].Message, StringComparison.Ordinal);
    }
}
