using System.Diagnostics;
using BenchmarkAgent.Tests.Shared;
using Microsoft.Extensions.AI;

namespace BenchmarkAgent.Models.Tests.Hardening;

/// <summary>
/// Issue 16, finding 8: a server that sends headers and then stops sending the body held a run forever. The pipeline's
/// total per-call timeout covers the body; a stalled attempt is cancelled and retried, and a call that always stalls
/// fails with BA2011 in bounded time.
/// </summary>
public sealed class StalledBodyTimeoutTests
{
    private static IChatClient Client(FaultyOpenAiServer server, TimeSpan callTimeout) =>
        ModelClientFactory.Create(
            new ModelRoleSettings(ModelRole.Subject, server.BaseUri, "faulty", "sk-test"),
            new ModelPipelineOptions { CallTimeout = callTimeout, Telemetry = false, Retry = new() { MaxAttempts = 3, BaseDelay = TimeSpan.FromMilliseconds(10), Jitter = 0 } });

    [Fact]
    public async Task Finding8_a_stalled_body_is_cancelled_by_the_call_timeout_and_the_retry_gets_the_answer()
    {
        await using var server = FaultyOpenAiServer.Start(_ => "42", (_, attempt) => attempt == 0 ? WireFault.StalledBody : WireFault.None);
        using var client = Client(server, TimeSpan.FromSeconds(1));

        var stopwatch = Stopwatch.StartNew();
        var response = await client.GetResponseAsync("What is six times seven?", cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal("42", response.Text);
        Assert.Equal([WireFault.StalledBody, WireFault.None], server.Log.Select(l => l.Fault));
        Assert.InRange(stopwatch.Elapsed, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task Finding8_a_body_that_always_stalls_fails_with_BA2011_in_bounded_time()
    {
        await using var server = FaultyOpenAiServer.Start(_ => "42", (_, _) => WireFault.StalledBody);
        using var client = Client(server, TimeSpan.FromMilliseconds(500));

        var stopwatch = Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<ModelCallException>(() => client.GetResponseAsync("Stall me", cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal("BA2011", error.Code);
        Assert.Equal(3, server.Log.Count);
        Assert.InRange(stopwatch.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task The_call_timeout_does_not_cut_a_slow_but_complete_answer_within_it()
    {
        await using var server = FaultyOpenAiServer.Start(_ => "fine", (_, _) => WireFault.None);
        using var client = Client(server, TimeSpan.FromSeconds(20));

        var response = await client.GetResponseAsync("Hello", cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal("fine", response.Text);
        Assert.Single(server.Log);
    }
}
