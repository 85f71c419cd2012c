using System.Text.Json;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Caching.Distributed;

namespace BenchmarkAgent.Models;

/// <summary>
/// Microsoft.Extensions.AI's <see cref="DistributedCachingChatClient"/> with one change: an entry that cannot be read
/// (damaged, or written by an incompatible release) is a miss, and the fresh response replaces it, instead of failing
/// the call. The key covers the messages and every option (the repeat index and item context travel in
/// <see cref="ChatOptions.AdditionalProperties"/>) plus <see cref="DistributedCachingChatClient.CacheKeyAdditionalValues"/>,
/// which <see cref="ResponseCacheChatClientBuilderExtensions.UseResponseCache"/> sets to the role, the endpoint identity
/// and the model; never the API key.
/// </summary>
internal sealed class ResponseCacheChatClient : DistributedCachingChatClient
{
    /// <summary>Wraps <paramref name="innerClient"/>.</summary>
    /// <param name="innerClient">The client whose responses are cached.</param>
    /// <param name="storage">Where entries are stored.</param>
    public ResponseCacheChatClient(IChatClient innerClient, IDistributedCache storage)
        : base(innerClient, storage)
    {
    }

    /// <inheritdoc />
    protected override async Task<ChatResponse?> ReadCacheAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            return await base.ReadCacheAsync(key, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException or IOException)
        {
            return null; // a damaged entry is a miss; the fresh response replaces it
        }
    }

    /// <inheritdoc />
    protected override async Task<IReadOnlyList<ChatResponseUpdate>?> ReadCacheStreamingAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            return await base.ReadCacheStreamingAsync(key, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException or IOException)
        {
            return null;
        }
    }

    /// <summary>Computes the cache key of a request (exposed for tests).</summary>
    /// <param name="messages">The messages.</param>
    /// <param name="options">The options.</param>
    /// <returns>The key.</returns>
    internal string KeyOf(IEnumerable<ChatMessage> messages, ChatOptions? options) => GetCacheKey(messages, options);
}
