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
    public static ChatClientBuilder UseResponseCache(this ChatClientBuilder builder, IDistributedCache storage, ModelRole role, string endpointIdentity, string model) =>
        builder.UseResponseCache(storage, role, endpointIdentity, model, ownsStorage: false);

    /// <summary>As <see cref="UseResponseCache(ChatClientBuilder, IDistributedCache, ModelRole, string, string)"/>, disposing the storage with the client when <paramref name="ownsStorage"/>.</summary>
    /// <param name="builder">The pipeline.</param>
    /// <param name="storage">Where entries are stored.</param>
    /// <param name="role">The role.</param>
    /// <param name="endpointIdentity">The endpoint's identity; never a key.</param>
    /// <param name="model">The model identity.</param>
    /// <param name="ownsStorage">Whether the client disposes <paramref name="storage"/> (e.g. a Redis connection it opened).</param>
    /// <returns>The builder.</returns>
    public static ChatClientBuilder UseResponseCache(this ChatClientBuilder builder, IDistributedCache storage, ModelRole role, string endpointIdentity, string model, bool ownsStorage)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(storage);
        return builder.Use(inner => Create(inner, storage, role, endpointIdentity, model, ownsStorage ? storage as IDisposable : null));
    }

    /// <summary>The response cache client of a role: the one place its key's extra values (role, endpoint, model) are set.</summary>
    /// <param name="inner">The client whose responses are cached.</param>
    /// <param name="storage">Where entries are stored.</param>
    /// <param name="role">The role.</param>
    /// <param name="endpointIdentity">The endpoint's identity; never a key.</param>
    /// <param name="model">The model identity.</param>
    /// <param name="ownedStorage">Disposed with the client, or <see langword="null"/>.</param>
    /// <returns>The client.</returns>
    internal static ResponseCacheChatClient Create(IChatClient inner, IDistributedCache storage, ModelRole role, string endpointIdentity, string model, IDisposable? ownedStorage = null) =>
        new(inner, storage, ownedStorage)
        {
            CacheKeyAdditionalValues = [$"role={role}", $"endpoint={endpointIdentity}", $"model={model}"],
        };
}
