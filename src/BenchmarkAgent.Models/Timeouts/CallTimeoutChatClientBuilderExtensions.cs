using Microsoft.Extensions.AI;

namespace BenchmarkAgent.Models.Timeouts;

/// <summary>Adds <see cref="CallTimeoutChatClient"/> to a <see cref="ChatClientBuilder"/>.</summary>
internal static class CallTimeoutChatClientBuilderExtensions
{
    /// <summary>Bounds each call (headers and body) by <paramref name="timeout"/>; added innermost, so each retry gets its own.</summary>
    public static ChatClientBuilder UseCallTimeout(this ChatClientBuilder builder, TimeSpan timeout, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Use(inner => new CallTimeoutChatClient(inner, timeout, timeProvider));
    }
}
