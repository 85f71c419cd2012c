using Microsoft.Extensions.AI;
using Microsoft.Extensions.Caching.Distributed;

namespace BenchmarkAgent.Models;

/// <summary>Adds the response cache to a <see cref="ChatClientBuilder"/> pipeline.</summary>
internal static class ResponseCacheChatClientBuilderExtensions
{
    /// <summary>
    /// Caches responses in <paramref name="storage"/> (see <see cref="ResponseCacheChatClient"/>), keyed by the request
    /// plus <paramref name="role"/>, <paramref name="endpointIdentity"/> and <paramref name="model"/>.
    /// </summary>
    /// <param name="builder">The pipeline.</param>
    /// <param name="storage">Where entries are stored, e.g. a <see cref="FileDistributedCache"/>.</param>
    /// <param name="role">The role, e.g. <see cref="ModelRole.Judge"/>.</param>
    /// <param name="endpointIdentity">The endpoint's scheme, host and path (see <see cref="EndpointIdentity"/>); never a key.</param>
    /// <param name="model">The model identity.</param>
    /// <returns>The builder.</returns>
    public static ChatClientBuilder UseResponseCache(this ChatClientBuilder builder, IDistributedCache storage, ModelRole role, string endpointIdentity, string model)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(storage);
        return builder.Use(inner => new ResponseCacheChatClient(inner, storage)
        {
            CacheKeyAdditionalValues = [$"role={role}", $"endpoint={endpointIdentity}", $"model={model}"],
        });
    }
}
