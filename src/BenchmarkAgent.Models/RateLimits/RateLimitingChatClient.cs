using System.Runtime.CompilerServices;
using System.Threading.RateLimiting;
using Microsoft.Extensions.AI;

namespace BenchmarkAgent.Models;

/// <summary>
/// Waits for a lease of a <see cref="RateLimiter"/> before each call of the inner client, for endpoints with a
/// requests-per-minute limit. Put it inside <see cref="RetryingChatClient"/> so every attempt, retries included, counts
/// against the limit. A call cancelled while it waits never reaches the endpoint.
/// </summary>
internal sealed class RateLimitingChatClient : DelegatingChatClient
{
    private readonly RateLimiter _limiter;
    private readonly bool _ownsLimiter;

    /// <summary>Wraps <paramref name="innerClient"/>.</summary>
    /// <param name="innerClient">The client to pace.</param>
    /// <param name="limiter">The limiter every call takes one permit from.</param>
    /// <param name="ownsLimiter">Whether disposing this client disposes <paramref name="limiter"/>.</param>
    public RateLimitingChatClient(IChatClient innerClient, RateLimiter limiter, bool ownsLimiter = true)
        : base(innerClient)
    {
        ArgumentNullException.ThrowIfNull(limiter);
        _limiter = limiter;
        _ownsLimiter = ownsLimiter;
    }

    /// <inheritdoc />
    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        using var lease = await AcquireAsync(cancellationToken).ConfigureAwait(false);
        return await base.GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using var lease = await AcquireAsync(cancellationToken).ConfigureAwait(false);
        await foreach (var update in base.GetStreamingResponseAsync(messages, options, cancellationToken).ConfigureAwait(false))
        {
            yield return update;
        }
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing && _ownsLimiter)
        {
            _limiter.Dispose();
        }

        base.Dispose(disposing);
    }

    private async Task<RateLimitLease> AcquireAsync(CancellationToken cancellationToken)
    {
        var lease = await _limiter.AcquireAsync(1, cancellationToken).ConfigureAwait(false);
        if (!lease.IsAcquired)
        {
            lease.Dispose();
            throw new InvalidOperationException("The request rate limiter refused the call (its queue is full).");
        }

        return lease;
    }
}
