using BenchmarkAgent.Models;
using BenchmarkAgent.Tests.Shared;
using Microsoft.Extensions.AI;

namespace BenchmarkAgent.Models.Tests.Retries;

/// <summary>A 200 reply that is not a readable chat completion is retried like a dropped connection.</summary>
public sealed class MalformedReplyRetryTests
{
    private static readonly ModelPipelineOptions Fast = new()
    {
        Telemetry = false,
        Retry = new() { MaxAttempts = 3, BaseDelay = TimeSpan.FromMilliseconds(5), MaxDelay = TimeSpan.FromMilliseconds(20), Jitter = 0 },
    };

    [Theory]
    [InlineData(WireFault.MalformedJson)]
    [InlineData(WireFault.EmptyChoices)]
    [InlineData(WireFault.TruncatedBody)]
    public async Task A_malformed_reply_is_asked_again_and_the_next_answer_is_returned(WireFault fault)
    {
        await using var server = FaultyOpenAiServer.Start(_ => "forty-two", (_, attempt) => attempt == 0 ? fault : WireFault.None);
        using var client = ModelClientFactory.Create(new ModelRoleSettings(ModelRole.Subject, server.BaseUri, "m", "sk-test"), Fast);

        var response = await client.GetResponseAsync("What is six times seven?", cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal("forty-two", response.Text);
        Assert.Equal([fault, WireFault.None], server.Log.Select(l => l.Fault));
    }

    [Fact]
    public async Task A_reply_that_is_malformed_in_every_attempt_is_a_model_call_error_whose_cause_says_so()
    {
        await using var server = FaultyOpenAiServer.Start(_ => "unused", (_, _) => WireFault.EmptyChoices);
        using var client = ModelClientFactory.Create(new ModelRoleSettings(ModelRole.Subject, server.BaseUri, "m", "sk-secret-value"), Fast);

        var error = await Assert.ThrowsAsync<ModelCallException>(() => client.GetResponseAsync("Q?", cancellationToken: TestContext.Current.CancellationToken));

        Assert.IsType<MalformedReplyException>(error.InnerException);
        Assert.Equal(3, server.Log.Count);
        Assert.DoesNotContain("sk-secret-value", error.ToString());
    }
}
