using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.StackExchangeRedis;

namespace BenchmarkAgent.Models;

/// <summary>
/// The response cache in Redis (<c>Microsoft.Extensions.Caching.StackExchangeRedis</c>), shared by shards, machines and
/// teammates. The keys are the response cache's own (the same function as the file cache's, see
/// <see cref="ResponseCacheChatClient"/>), prefixed <c>benchagent:v1:&lt;role&gt;:</c> as the file cache's folders
/// <c>v1/&lt;role&gt;/</c>; the values are the cached responses, which never hold the API key. It sits behind a
/// <see cref="FallbackDistributedCache"/>, so a Redis that is down or dies mid-run means live calls and one warning.
/// </summary>
internal static class SharedResponseCache
{
    /// <summary>The key prefix of a role's entries, e.g. <c>benchagent:v1:judge:</c>.</summary>
    /// <param name="role">The role.</param>
    /// <returns>The prefix.</returns>
    public static string PrefixOf(ModelRole role) => $"benchagent:{FileDistributedCache.LayoutVersion}:{role.ToString().ToLowerInvariant()}:";

    /// <summary>Creates the shared cache of <paramref name="role"/> on <paramref name="connection"/>; it connects on first use.</summary>
    /// <param name="connection">The Redis connection.</param>
    /// <param name="role">The role whose entries it holds.</param>
    /// <param name="warn">Receives the one warning of an outage (<c>BA2101</c>).</param>
    /// <param name="clock">The circuit's clock; <see langword="null"/> for the system clock.</param>
    /// <param name="openFor">How long an outage skips the cache before it is tried again; <see langword="null"/> for the default.</param>
    /// <returns>The cache; dispose it to close the connection.</returns>
    public static FallbackDistributedCache Create(RedisCacheConnection connection, ModelRole role, Action<string> warn, TimeProvider? clock = null, TimeSpan? openFor = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var redis = new RedisCache(new RedisCacheOptions
        {
            ConfigurationOptions = connection.Options(),
            InstanceName = PrefixOf(role),
        });
        return new FallbackDistributedCache(redis, connection.ToString(), warn, clock, openFor);
    }
}
