using System.Collections.Concurrent;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Time.Testing;

namespace BenchmarkAgent.Models.Tests.RateLimits;

/// <summary>The rate limit on a fake clock: every assertion reads the limiter's queue or awaits a released call; nothing sleeps.</summary>
public sealed class RateLimitingChatClientTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Calls_start_one_interval_apart_at_60_per_minute()
    {
        var time = new FakeTimeProvider();
        var start = time.GetUtcNow();
        var inner = new RecordingClient(time);
        var limiter = new RequestRateLimiter(60, time);
        using var client = new RateLimitingChatClient(inner, limiter);

        var calls = Enumerable.Range(0, 3).Select(_ => client.GetResponseAsync("q", cancellationToken: Token)).ToList();
        await calls[0];
        Assert.Equal(2, limiter.GetStatistics()!.CurrentQueuedCount);

        time.Advance(TimeSpan.FromMilliseconds(999));
        Assert.Equal(2, limiter.GetStatistics()!.CurrentQueuedCount);

        time.Advance(TimeSpan.FromMilliseconds(1));
        await calls[1];
        Assert.Equal(1, limiter.GetStatistics()!.CurrentQueuedCount);

        time.Advance(TimeSpan.FromSeconds(1));
        await Task.WhenAll(calls);
        Assert.Equal([TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)], inner.Starts.Select(s => s - start).Order());
    }

    [Fact]
    public async Task After_an_idle_spell_a_call_starts_at_once_but_no_burst_is_saved_up()
    {
        var time = new FakeTimeProvider();
        var inner = new RecordingClient(time);
        var limiter = new RequestRateLimiter(120, time);
        using var client = new RateLimitingChatClient(inner, limiter);
        await client.GetResponseAsync("first", cancellationToken: Token);

        time.Advance(TimeSpan.FromMinutes(5));
        await client.GetResponseAsync("after idle", cancellationToken: Token);
        var third = client.GetResponseAsync("third", cancellationToken: Token);

        Assert.Equal(1, limiter.GetStatistics()!.CurrentQueuedCount);
        Assert.Equal(2, inner.Starts.Count);
        time.Advance(TimeSpan.FromMilliseconds(500));
        await third;
        Assert.Equal(3, inner.Starts.Count);
    }

    [Fact]
    public async Task A_call_cancelled_while_waiting_for_its_turn_never_reaches_the_endpoint()
    {
        var time = new FakeTimeProvider();
        var inner = new RecordingClient(time);
        using var client = new RateLimitingChatClient(inner, new RequestRateLimiter(1, time));
        await client.GetResponseAsync("first", cancellationToken: Token);
        using var cancel = new CancellationTokenSource();

        var waiting = client.GetResponseAsync("second", cancellationToken: cancel.Token);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        time.Advance(TimeSpan.FromMinutes(2));
        Assert.Single(inner.Starts);
    }

    [Fact]
    public async Task The_pipeline_paces_every_attempt_from_the_role_rate()
    {
        var time = new FakeTimeProvider();
        var inner = new RecordingClient(time);
        using var client = ModelClientFactory.Compose(inner, ModelRole.Judge, "test", "m", new ModelPipelineOptions { Telemetry = false, RequestsPerMinute = 30, TimeProvider = time });

        await client.GetResponseAsync("first", cancellationToken: Token);
        var second = client.GetResponseAsync("second", cancellationToken: Token);
        time.Advance(TimeSpan.FromSeconds(2));
        await second;

        Assert.Equal(TimeSpan.FromSeconds(2), inner.Starts[1] - inner.Starts[0]);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void A_rate_that_is_not_a_positive_number_is_refused(double perMinute)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new RequestRateLimiter(perMinute));
    }

    private sealed class RecordingClient(TimeProvider time) : IChatClient
    {
        private readonly ConcurrentQueue<DateTimeOffset> _starts = new();

        public IReadOnlyList<DateTimeOffset> Starts => [.. _starts];

        public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
        {
            _starts.Enqueue(time.GetUtcNow());
            return Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, "ok")));
        }

        public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }
}
