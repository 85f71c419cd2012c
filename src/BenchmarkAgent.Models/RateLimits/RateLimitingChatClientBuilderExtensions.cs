using System.Threading.RateLimiting;
using Microsoft.Extensions.AI;

namespace BenchmarkAgent.Models;

/// <summary>Adds a rate limit to a <see cref="ChatClientBuilder"/> pipeline.</summary>
internal static class RateLimitingChatClientBuilderExtensions
{
    /// <summary>Takes a permit of <paramref name="limiter"/> before every call (see <see cref="RateLimitingChatClient"/>).</summary>
    /// <param name="builder">The pipeline.</param>
    /// <param name="limiter">The limiter; the built client disposes it.</param>
    /// <returns>The builder.</returns>
    public static ChatClientBuilder UseRateLimit(this ChatClientBuilder builder, RateLimiter limiter)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(limiter);
        return builder.Use(inner => new RateLimitingChatClient(inner, limiter));
    }

    /// <summary>Lets at most <paramref name="requestsPerMinute"/> calls start per minute, evenly spaced (see <see cref="RequestRateLimiter"/>).</summary>
    /// <param name="builder">The pipeline.</param>
    /// <param name="requestsPerMinute">The rate, more than 0.</param>
    /// <param name="timeProvider">The clock; <see langword="null"/> for the system clock.</param>
    /// <returns>The builder.</returns>
    public static ChatClientBuilder UseRequestsPerMinute(this ChatClientBuilder builder, double requestsPerMinute, TimeProvider? timeProvider = null) =>
        builder.UseRateLimit(new RequestRateLimiter(requestsPerMinute, timeProvider));
}
