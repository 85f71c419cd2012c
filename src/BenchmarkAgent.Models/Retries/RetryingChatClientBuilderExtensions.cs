using Microsoft.Extensions.AI;

namespace BenchmarkAgent.Models;

/// <summary>Adds retries to a <see cref="ChatClientBuilder"/> pipeline.</summary>
internal static class RetryingChatClientBuilderExtensions
{
    /// <summary>Retries transient failures (see <see cref="RetryingChatClient"/>).</summary>
    /// <param name="builder">The pipeline.</param>
    /// <param name="role">The role's name for error messages, e.g. <c>subject</c>.</param>
    /// <param name="options">Attempts, delays and clock; <see langword="null"/> for the defaults.</param>
    /// <param name="mask">Hides the role's API key in error messages.</param>
    /// <returns>The builder.</returns>
    public static ChatClientBuilder UseRetries(this ChatClientBuilder builder, string role, RetryOptions? options = null, SecretMask? mask = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Use(inner => new RetryingChatClient(inner, role, options, mask));
    }
}
