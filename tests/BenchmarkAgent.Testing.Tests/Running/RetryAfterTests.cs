using System.ClientModel;
using System.ClientModel.Primitives;
using BenchmarkAgent.Testing.Running;
using BenchmarkAgent.Testing.Subjects;

namespace BenchmarkAgent.Testing.Tests.Running;

public sealed class RetryAfterTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    private static RetryingChatClient Client() =>
        new(new RandomGuessSubject(0), "subject", baseDelay: TimeSpan.FromSeconds(1), timeProvider: new FixedTime(Now));

    private static ClientResultException Failure(int status, string? retryAfter) =>
        new(new FakeResponse(status, retryAfter));

    [Fact]
    public void A_retry_after_in_seconds_replaces_the_backoff()
    {
        using var client = Client();

        Assert.Equal(TimeSpan.FromSeconds(7), client.DelayBefore(1, Failure(429, "7")));
    }

    [Fact]
    public void The_chat_completions_client_error_carries_its_retry_after_too()
    {
        using var client = Client();

        Assert.Equal(TimeSpan.FromSeconds(7), client.DelayBefore(1, new ChatEndpointException(System.Net.HttpStatusCode.TooManyRequests, "slow down", "7")));
        Assert.Equal(TimeSpan.FromSeconds(2), client.DelayBefore(2, new ChatEndpointException(System.Net.HttpStatusCode.ServiceUnavailable, "", null)));
    }

    [Fact]
    public void A_retry_after_date_waits_until_that_moment()
    {
        using var client = Client();

        Assert.Equal(TimeSpan.FromSeconds(30), client.DelayBefore(2, Failure(503, Now.AddSeconds(30).ToString("R"))));
    }

    [Fact]
    public void A_retry_after_beyond_the_cap_is_capped_and_a_missing_one_uses_the_backoff()
    {
        using var client = Client();

        Assert.Equal(RetryingChatClient.MaxDelay, client.DelayBefore(1, Failure(429, "3600")));
        Assert.Equal(TimeSpan.FromSeconds(4), client.DelayBefore(3, Failure(503, null)));
    }

    [Theory]
    [InlineData(429, true)]
    [InlineData(503, true)]
    [InlineData(408, true)]
    [InlineData(400, false)]
    [InlineData(401, false)]
    public void Only_transient_statuses_are_retried(int status, bool transient) =>
        Assert.Equal(transient, RetryingChatClient.IsTransient(Failure(status, null)));

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
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
