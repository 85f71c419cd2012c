using System.Text.Json;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Caching.Distributed;

namespace BenchmarkAgent.Models;

/// <summary>
/// Microsoft.Extensions.AI's <see cref="DistributedCachingChatClient"/> with one change: an entry that cannot be read
/// (damaged, or written by an incompatible release) is a miss, and the fresh response replaces it, instead of failing
/// the call. The key covers the messages and every option (the repeat index and item context travel in
/// <see cref="ChatOptions.AdditionalProperties"/>) plus <see cref="DistributedCachingChatClient.CacheKeyAdditionalValues"/>,
/// which <see cref="ResponseCacheChatClientBuilderExtensions.Create"/> sets to the role, the endpoint identity
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

    /// <summary>Wraps <paramref name="innerClient"/> and disposes <paramref name="ownedStorage"/> with it (e.g. a Redis connection).</summary>
    /// <param name="innerClient">The client whose responses are cached.</param>
    /// <param name="storage">Where entries are stored.</param>
    /// <param name="ownedStorage">Disposed when this client is; <see langword="null"/> when the storage belongs to the caller.</param>
    public ResponseCacheChatClient(IChatClient innerClient, IDistributedCache storage, IDisposable? ownedStorage)
        : base(innerClient, storage)
    {
        _ownedStorage = ownedStorage;
    }

    private readonly IDisposable? _ownedStorage;

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

    /// <summary>
    /// The key a non-streaming call is stored under: the caching client's own computation with its own extra value
    /// (<see langword="false"/> for "not streaming"), so a batch line's <c>custom_id</c> is the entry's key.
    /// </summary>
    /// <param name="messages">The messages.</param>
    /// <param name="options">The options.</param>
    /// <returns>The key <see cref="CachingChatClient.GetResponseAsync"/> reads and writes.</returns>
    internal string ResponseKeyOf(IEnumerable<ChatMessage> messages, ChatOptions? options) => GetCacheKey(messages, options, false);

    /// <summary>Stores <paramref name="response"/> under <paramref name="key"/> as the caching client itself would (a batch result).</summary>
    /// <param name="key">The key, from <see cref="ResponseKeyOf"/>.</param>
    /// <param name="response">The response.</param>
    /// <param name="cancellationToken">Stops the write.</param>
    /// <returns>The write.</returns>
    internal Task StoreAsync(string key, ChatResponse response, CancellationToken cancellationToken) => WriteCacheAsync(key, response, cancellationToken);

    /// <summary>Reads the entry under <paramref name="key"/>, or <see langword="null"/>.</summary>
    /// <param name="key">The key.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <returns>The cached response or <see langword="null"/>.</returns>
    internal Task<ChatResponse?> LoadAsync(string key, CancellationToken cancellationToken) => ReadCacheAsync(key, cancellationToken);

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _ownedStorage?.Dispose();
        }

        base.Dispose(disposing);
    }
}
