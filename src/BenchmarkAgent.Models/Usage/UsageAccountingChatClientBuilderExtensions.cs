using Microsoft.Extensions.AI;

namespace BenchmarkAgent.Models;

/// <summary>Adds token accounting to a <see cref="ChatClientBuilder"/> pipeline.</summary>
internal static class UsageAccountingChatClientBuilderExtensions
{
    /// <summary>Sums the tokens of every response for <paramref name="role"/> (see <see cref="UsageAccountingChatClient"/>).</summary>
    /// <param name="builder">The pipeline.</param>
    /// <param name="role">The role.</param>
    /// <returns>The builder.</returns>
    public static ChatClientBuilder UseUsageAccounting(this ChatClientBuilder builder, ModelRole role)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Use(inner => new UsageAccountingChatClient(inner, role));
    }
}
