using BenchmarkAgent.Testing.Running;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Time.Testing;

namespace BenchmarkAgent.Testing.Tests.Running;

public sealed class RateLimitingChatClientTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Calls_start_one_interval_apart_at_60_per_minute()
    {
        var time = new FakeTimeProvider();
        var inner = new CountingClient();
        using var client = new RateLimitingChatClient(inner, requestsPerMinute: 60, time);

        var calls = Enumerable.Range(0, 3).Select(_ => client.GetResponseAsync("q", cancellationToken: Token)).ToList();
        await Settle();
        Assert.Equal(1, inner.Calls);

        time.Advance(TimeSpan.FromMilliseconds(999));
        await Settle();
        Assert.Equal(1, inner.Calls);

        time.Advance(TimeSpan.FromMilliseconds(1));
        await Settle();
        Assert.Equal(2, inner.Calls);

        time.Advance(TimeSpan.FromSeconds(1));
        await Task.WhenAll(calls);
        Assert.Equal(3, inner.Calls);
    }

    [Fact]
    public async Task After_an_idle_spell_a_call_starts_at_once_but_no_burst_is_saved_up()
    {
        var time = new FakeTimeProvider();
        var inner = new CountingClient();
        using var client = new RateLimitingChatClient(inner, requestsPerMinute: 120, time);
        await client.GetResponseAsync("first", cancellationToken: Token);

        time.Advance(TimeSpan.FromMinutes(5));
        await client.GetResponseAsync("after idle", cancellationToken: Token);
        var third = client.GetResponseAsync("third", cancellationToken: Token);
        await Settle();

        Assert.Equal(2, inner.Calls);
        time.Advance(TimeSpan.FromMilliseconds(500));
        await third;
        Assert.Equal(3, inner.Calls);
    }

    [Fact]
    public async Task A_call_cancelled_while_waiting_for_its_turn_never_reaches_the_endpoint()
    {
        var time = new FakeTimeProvider();
        var inner = new CountingClient();
        using var client = new RateLimitingChatClient(inner, requestsPerMinute: 1, time);
        await client.GetResponseAsync("first", cancellationToken: Token);
        using var cancel = new CancellationTokenSource();

        var waiting = client.GetResponseAsync("second", cancellationToken: cancel.Token);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        Assert.Equal(1, inner.Calls);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void A_rate_that_is_not_a_positive_number_is_refused(double perMinute)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new RateLimitingChatClient(new CountingClient(), perMinute));
    }

    /// <summary>Lets continuations released by the fake clock run.</summary>
    private static async Task Settle()
    {
        for (int i = 0; i < 5; i++)
        {
            await Task.Delay(20, Token);
        }
    }

    private sealed class CountingClient : IChatClient
    {
        private int _calls;

        public int Calls => Volatile.Read(ref _calls);

        public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _calls);
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
