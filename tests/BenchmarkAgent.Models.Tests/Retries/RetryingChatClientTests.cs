using BenchmarkAgent.Tests.Shared;
using Microsoft.Extensions.AI;

namespace BenchmarkAgent.Models.Tests.Retries;

public sealed class RetryingChatClientTests
{
    private const string Key = "sk-retry-secret-0123456789";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static IChatClient Client(OpenAiWireServer server, int maxAttempts = 4, TimeProvider? time = null) =>
        ModelClientFactory.Create(
            new ModelRoleSettings(ModelRole.Subject, server.BaseUri, "retry-model", Key),
            new ModelPipelineOptions
            {
                Telemetry = false,
                Retry = new RetryOptions { MaxAttempts = maxAttempts, BaseDelay = TimeSpan.FromMilliseconds(1), Jitter = 0 },
                TimeProvider = time ?? TimeProvider.System,
            });

    private static Task<ChatResponse> Ask(IChatClient client) =>
        client.GetResponseAsync("What is 2+2?", cancellationToken: Token);

    [Theory]
    [InlineData(503)]
    [InlineData(429)]
    [InlineData(500)]
    [InlineData(408)]
    public async Task A_transient_failure_is_retried_and_the_next_success_is_returned(int status)
    {
        await using var server = OpenAiWireServer.Start(_ => "Answer: 4", failWith: r => r.Sequence < 2 ? status : null);
        using var client = Client(server);

        var response = await Ask(client);

        Assert.Equal("Answer: 4", response.Text);
        Assert.Equal(3, server.Requests.Count);
    }

    [Fact]
    public async Task A_failure_that_survives_every_attempt_throws_BA2011_with_the_status_and_no_key()
    {
        await using var server = OpenAiWireServer.Start(_ => "Answer: 4", failWith: _ => 503);
        using var client = Client(server, maxAttempts: 3);

        var error = await Assert.ThrowsAsync<ModelCallException>(() => Ask(client));

        Assert.StartsWith("BA2011: the subject call failed after 3 attempt(s)", error.Message, StringComparison.Ordinal);
        Assert.Equal("BA2011", error.Code);
        Assert.Equal("subject", error.Role);
        Assert.Equal(503, error.Status);
        Assert.Equal(3, error.Attempts);
        Assert.Contains("Simulated failure with status 503.", error.Message, StringComparison.Ordinal);
        Assert.Equal(3, server.Requests.Count);
        Assert.DoesNotContain(Key, error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(400)]
    [InlineData(401)]
    [InlineData(404)]
    public async Task A_client_error_is_not_retried_and_fails_with_BA2018_and_its_status(int status)
    {
        await using var server = OpenAiWireServer.Start(_ => "Answer: 4", failWith: _ => status);
        using var client = Client(server);

        var error = await Assert.ThrowsAsync<ModelCallException>(() => Ask(client));

        Assert.Equal("BA2018", error.Code);
        Assert.Equal(status, error.Status);
        Assert.Equal(1, error.Attempts);
        Assert.StartsWith($"BA2018: the subject endpoint refused the call: HTTP {status} (", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("Simulated failure with status " + status + ".", error.Message, StringComparison.Ordinal);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task An_endpoint_that_echoes_the_key_in_its_error_does_not_put_it_in_the_exception()
    {
        await using var server = OpenAiWireServer.Start(_ => "never", failWith: _ => 401,
            errorMessage: r => $"Incorrect API key provided: {r.Authorization?["Bearer ".Length..]}.");
        using var client = Client(server);

        var error = await Assert.ThrowsAsync<ModelCallException>(() => Ask(client));

        Assert.Equal("Bearer " + Key, Assert.Single(server.Requests).Authorization);
        Assert.Equal(401, error.Status);
        Assert.EndsWith("Incorrect API key provided: ***.", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Key, error.ToString(), StringComparison.Ordinal);
        Assert.Null(error.InnerException); // the SDK's exception quotes the body, so it is not kept
    }

    [Fact]
    public async Task A_retry_after_in_seconds_is_honoured_on_the_clock()
    {
        var time = new TimerWatchingTimeProvider(new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero));
        await using var server = OpenAiWireServer.Start(_ => "after the wait", failWith: r => r.Sequence == 0 ? 429 : null, retryAfter: _ => "7");
        using var client = Client(server, time: time);

        var call = Ask(client);
        var wait = await time.NextTimerAsync(Token);

        Assert.Equal(TimeSpan.FromSeconds(7), wait);
        Assert.Single(server.Requests); // the retry waits for the clock, which has not moved
        time.Advance(TimeSpan.FromSeconds(7));
        Assert.Equal("after the wait", (await call).Text);
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task A_retry_after_date_waits_until_that_moment()
    {
        var now = new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);
        var time = new TimerWatchingTimeProvider(now);
        await using var server = OpenAiWireServer.Start(_ => "later", failWith: r => r.Sequence == 0 ? 503 : null, retryAfter: _ => now.AddSeconds(30).ToString("R"));
        using var client = Client(server, time: time);

        var call = Ask(client);

        Assert.Equal(TimeSpan.FromSeconds(30), await time.NextTimerAsync(Token));
        time.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal("later", (await call).Text);
    }

    [Fact]
    public async Task Cancelling_during_the_wait_stops_the_call_without_another_attempt()
    {
        var time = new TimerWatchingTimeProvider(DateTimeOffset.UnixEpoch);
        await using var server = OpenAiWireServer.Start(_ => "never", failWith: _ => 429, retryAfter: _ => "60");
        using var client = Client(server, time: time);
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(Token);

        var call = client.GetResponseAsync("q", cancellationToken: cancel.Token);
        await time.NextTimerAsync(Token);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task A_streaming_call_is_not_retried_but_fails_with_the_same_masked_error()
    {
        await using var server = OpenAiWireServer.Start(_ => "never", failWith: _ => 401,
            errorMessage: r => $"Incorrect API key provided: {r.Authorization}");
        using var client = Client(server);

        var error = await Assert.ThrowsAsync<ModelCallException>(async () =>
        {
            await foreach (var update in client.GetStreamingResponseAsync("hi", cancellationToken: Token))
            {
                Assert.Fail($"no update expected, got {update.Text}");
            }
        });

        Assert.Equal("BA2018", error.Code);
        Assert.Equal(401, error.Status);
        Assert.DoesNotContain(Key, error.ToString(), StringComparison.Ordinal);
        Assert.Single(server.Requests);
    }
}
