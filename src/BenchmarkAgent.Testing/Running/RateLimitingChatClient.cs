using Microsoft.Extensions.AI;

namespace BenchmarkAgent.Testing.Running;

/// <summary>
/// Spaces the calls of the inner client evenly so that at most <see cref="RequestsPerMinute"/> start in any minute,
/// for endpoints with a requests-per-minute limit: each call reserves the next free start time and waits for it.
/// Put it inside <see cref="RetryingChatClient"/> so every attempt, retries included, counts against the limit.
/// </summary>
public sealed class RateLimitingChatClient : DelegatingChatClient
{
    private readonly TimeProvider _time;
    private readonly long _intervalTicks;
    private readonly Lock _gate = new();
    private long _nextStart = long.MinValue;

    /// <summary>Wraps <paramref name="innerClient"/>.</summary>
    /// <param name="innerClient">The client to pace.</param>
    /// <param name="requestsPerMinute">The most calls that may start in a minute (more than 0).</param>
    /// <param name="timeProvider">The clock; <see langword="null"/> for the system clock.</param>
    public RateLimitingChatClient(IChatClient innerClient, double requestsPerMinute, TimeProvider? timeProvider = null)
        : base(innerClient)
    {
        if (!double.IsFinite(requestsPerMinute) || requestsPerMinute <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(requestsPerMinute), requestsPerMinute, "The rate must be a positive number of requests per minute.");
        }

        RequestsPerMinute = requestsPerMinute;
        _time = timeProvider ?? TimeProvider.System;
        _intervalTicks = Math.Max(1, (long)(_time.TimestampFrequency * 60 / requestsPerMinute));
    }

    /// <summary>The most calls that start in a minute.</summary>
    public double RequestsPerMinute { get; }

    /// <inheritdoc />
    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        await WaitForTurnAsync(cancellationToken).ConfigureAwait(false);
        return await base.GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await WaitForTurnAsync(cancellationToken).ConfigureAwait(false);
        await foreach (var update in base.GetStreamingResponseAsync(messages, options, cancellationToken).ConfigureAwait(false))
        {
            yield return update;
        }
    }

    private async Task WaitForTurnAsync(CancellationToken cancellationToken)
    {
        long now = _time.GetTimestamp();
        long start;
        lock (_gate)
        {
            start = Math.Max(now, _nextStart);
            _nextStart = start + _intervalTicks;
        }

        if (start > now)
        {
            await Task.Delay(_time.GetElapsedTime(now, start), _time, cancellationToken).ConfigureAwait(false);
        }
    }
}
