using BenchmarkAgent.Planning;

namespace BenchmarkAgent.Generation.Tests.Planning;

/// <summary>
/// The LLM backbone's planner keeps the offline planner's media rule: a query that asks for images or audio, with no
/// family or dataset that carries them, fails with BA0310 naming the modality before a single model call, instead of
/// having the generator write text items in their place.
/// </summary>
public sealed class MediaQueryPlanningTests
{
    [Theory]
    [InlineData("Spoken digit recognition: listen to each audio clip", "audio")]
    [InlineData("Read the values of bar charts in images", "image")]
    [InlineData("count the beeps in each recording", "audio")]
    public async Task A_media_query_without_media_candidates_is_BA0310_naming_it_and_calls_no_model(string query, string kind)
    {
        await using var harness = GeneratorHarness.Start();
        using var client = harness.Client();
        var backbone = new LlmBackbone(client, GeneratorHarness.Model);

        var error = await Assert.ThrowsAsync<UncoveredQueryException>(() => backbone.PlanAsync(GeneratorHarness.Request(query, 4), TestContext.Current.CancellationToken).AsTask());

        Assert.Equal(ErrorCodes.QueryNotCovered, error.Code);
        Assert.Contains($"asks for {kind} items", error.Message, StringComparison.Ordinal);
        Assert.Contains($"never substitutes text items for {kind} items", error.Message, StringComparison.Ordinal);
        Assert.Empty(harness.Server.Requests);
    }

    [Fact]
    public async Task A_text_query_still_plans_on_the_llm_backbone()
    {
        await using var harness = GeneratorHarness.Start();
        using var client = harness.Client();
        var backbone = new LlmBackbone(client, GeneratorHarness.Model);

        var plan = await backbone.PlanAsync(GeneratorHarness.Request("multi-step arithmetic word problems", 4), TestContext.Current.CancellationToken);

        Assert.NotEmpty(plan.Subtasks);
        Assert.DoesNotContain(plan.Decisions, d => d.StartsWith("modality:", StringComparison.Ordinal));
    }
}
