using System.ClientModel;
using System.ClientModel.Primitives;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Time.Testing;

namespace BenchmarkAgent.Models.Tests.Retries;

public sealed class RetryDelayTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    private static RetryingChatClient Client(double jitter = 0) =>
        new(new NeverCalled(), "subject", new RetryOptions { BaseDelay = TimeSpan.FromSeconds(1), Jitter = jitter, TimeProvider = new FakeTimeProvider(Now) });

    private static ClientResultException Failure(int status, string? retryAfter) =>
        new(new FakeResponse(status, retryAfter));

    [Fact]
    public void A_retry_after_in_seconds_replaces_the_backoff()
    {
        using var client = Client();

        Assert.Equal(TimeSpan.FromSeconds(7), client.DelayBefore(1, Failure(429, "7")));
    }

    [Fact]
    public void A_retry_after_date_waits_until_that_moment_and_a_past_date_not_at_all()
    {
        using var client = Client();

        Assert.Equal(TimeSpan.FromSeconds(30), client.DelayBefore(2, Failure(503, Now.AddSeconds(30).ToString("R"))));
        Assert.Equal(TimeSpan.Zero, client.DelayBefore(2, Failure(503, Now.AddSeconds(-30).ToString("R"))));
    }

    [Fact]
    public void A_retry_after_beyond_the_cap_is_capped_and_a_missing_or_unreadable_one_uses_the_backoff()
    {
        using var client = Client();

        Assert.Equal(TimeSpan.FromSeconds(60), client.DelayBefore(1, Failure(429, "3600")));
        Assert.Equal(TimeSpan.FromSeconds(4), client.DelayBefore(3, Failure(503, null)));
        Assert.Equal(TimeSpan.FromSeconds(4), client.DelayBefore(3, Failure(503, "soon")));
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 4)]
    [InlineData(4, 8)]
    public void Backoff_doubles_from_the_base_delay(int attempt, int expectedSeconds)
    {
        using var client = Client();

        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), client.DelayBefore(attempt, new TimeoutException()));
    }

    [Fact]
    public void Backoff_is_capped()
    {
        using var client = Client();

        Assert.Equal(TimeSpan.FromSeconds(60), client.DelayBefore(30, new TimeoutException()));
    }

    [Fact]
    public void Jitter_stretches_the_backoff_by_at_most_its_share_and_spreads_it()
    {
        using var client = Client(jitter: 0.2);

        var delays = Enumerable.Range(0, 50).Select(_ => client.DelayBefore(2, new TimeoutException())).ToList();

        Assert.All(delays, d => Assert.InRange(d, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(2.4)));
        Assert.True(delays.Distinct().Count() > 1, "the delays should differ");
    }

    [Theory]
    [InlineData(429, true)]
    [InlineData(503, true)]
    [InlineData(408, true)]
    [InlineData(400, false)]
    [InlineData(401, false)]
    public void Only_transient_statuses_are_retried(int status, bool transient) =>
        Assert.Equal(transient, RetryingChatClient.IsTransient(Failure(status, null)));

    [Theory]
    [InlineData(null, null)]
    [InlineData("", null)]
    [InlineData("12", 12.0)]
    [InlineData("1.5", 1.5)]
    [InlineData("-3", null)]
    [InlineData("later", null)]
    public void Retry_after_values_are_read_as_seconds(string? value, double? seconds) =>
        Assert.Equal(seconds is null ? null : TimeSpan.FromSeconds(seconds.Value), RetryAfterHeader.Parse(value, Now));

    private sealed class NeverCalled : IChatClient
    {
        public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("not called");

        public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("not called");

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }

    private sealed class FakeResponse(int status, string? retryAfter) : PipelineResponse
    {
        public override int Status => status;

        public override string ReasonPhrase => "Simulated";

        public override Stream? ContentStream { get; set; }

        public override BinaryData Content => BinaryData.FromString("{}");

        protected override PipelineResponseHeaders HeadersCore => new FakeHeaders(retryAfter);

        public override BinaryData BufferContent(CancellationToken cancellationToken = default) => Content;

        public override ValueTask<BinaryData> BufferContentAsync(CancellationToken cancellationToken = default) => ValueTask.FromResult(Content);

        public override void Dispose()
        {
        }
    }

    private sealed class FakeHeaders(string? retryAfter) : PipelineResponseHeaders
    {
        public override IEnumerator<KeyValuePair<string, string>> GetEnumerator()
        {
            if (retryAfter is not null)
            {
                yield return new KeyValuePair<string, string>("Retry-After", retryAfter);
            }
        }

        public override bool TryGetValue(string name, out string? value)
        {
            value = string.Equals(name, "Retry-After", StringComparison.OrdinalIgnoreCase) ? retryAfter : null;
            return value is not null;
        }

        public override bool TryGetValues(string name, out IEnumerable<string>? values)
        {
            bool found = TryGetValue(name, out string? value);
            values = found ? [value!] : null;
            return found;
        }
    }
}
