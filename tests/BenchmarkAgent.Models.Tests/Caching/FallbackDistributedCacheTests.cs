using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Time.Testing;

namespace BenchmarkAgent.Models.Tests.Caching;

public sealed class FallbackDistributedCacheTests
{
    /// <summary>An in-memory store that can be switched to fail like a dead Redis, counting every call that reached it.</summary>
    private sealed class SwitchableStore : IDistributedCache
    {
        private readonly Dictionary<string, byte[]> _entries = [];

        public bool Down { get; set; }

        public int Calls { get; private set; }

        public byte[]? Get(string key) => Reach() ? _entries.GetValueOrDefault(key) : null;

        public Task<byte[]?> GetAsync(string key, CancellationToken token = default) => Task.FromResult(Get(key));

        public void Set(string key, byte[] value, DistributedCacheEntryOptions options)
        {
            if (Reach())
            {
                _entries[key] = value;
            }
        }

        public Task SetAsync(string key, byte[] value, DistributedCacheEntryOptions options, CancellationToken token = default)
        {
            Set(key, value, options);
            return Task.CompletedTask;
        }

        public void Refresh(string key) => Reach();

        public Task RefreshAsync(string key, CancellationToken token = default) => Task.CompletedTask;

        public void Remove(string key) => _entries.Remove(key);

        public Task RemoveAsync(string key, CancellationToken token = default)
        {
            Remove(key);
            return Task.CompletedTask;
        }

        private bool Reach()
        {
            Calls++;
            return Down ? throw new TimeoutException("simulated: no connection to 10.0.0.1:6379 password=leaky") : true;
        }
    }

    [Fact]
    public async Task A_failure_is_a_miss_warns_once_and_skips_the_store_until_the_circuit_closes_again()
    {
        var clock = new FakeTimeProvider();
        var store = new SwitchableStore();
        var warnings = new List<string>();
        var cache = new FallbackDistributedCache(store, "Redis 127.0.0.1:6379", warnings.Add, clock, TimeSpan.FromSeconds(30));
        var token = TestContext.Current.CancellationToken;
        await cache.SetAsync("k", [1, 2, 3], new(), token);
        Assert.Equal([1, 2, 3], await cache.GetAsync("k", token));

        store.Down = true;
        Assert.Null(await cache.GetAsync("k", token)); // a failed read is a miss, not an error
        int reached = store.Calls;
        for (int i = 0; i < 25; i++)
        {
            Assert.Null(await cache.GetAsync("k", token));
            await cache.SetAsync("other", [9], new(), token);
        }

        Assert.Equal(reached, store.Calls); // open: 50 operations and none waited on the dead store
        Assert.True(cache.IsOpen);
        var warning = Assert.Single(warnings);
        Assert.StartsWith("BA2101:", warning, StringComparison.Ordinal);
        Assert.Contains("Redis 127.0.0.1:6379", warning, StringComparison.Ordinal);
        Assert.DoesNotContain("leaky", warning, StringComparison.Ordinal); // the exception text is not echoed

        clock.Advance(TimeSpan.FromSeconds(31)); // half open: one try, still down, no second warning
        Assert.Null(cache.Get("k"));
        Assert.Equal(reached + 1, store.Calls);
        Assert.Single(warnings);
        Assert.True(cache.IsOpen);

        store.Down = false;
        clock.Advance(TimeSpan.FromSeconds(31));
        Assert.Equal([1, 2, 3], await cache.GetAsync("k", token)); // recovered: the entries are there again
        Assert.False(cache.IsOpen);

        store.Down = true; // a new outage warns again
        Assert.Null(await cache.GetAsync("k", token));
        Assert.Equal(2, warnings.Count);
        Assert.Equal(3, cache.Failures);
    }

    [Fact]
    public async Task The_callers_cancellation_is_not_an_outage()
    {
        var store = new SwitchableStore();
        var warnings = new List<string>();
        var cache = new FallbackDistributedCache(store, "Redis x:1", warnings.Add);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        var blocking = new FallbackDistributedCache(new CancellingStore(), "Redis x:1", warnings.Add);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => blocking.GetAsync("k", cancelled.Token));
        Assert.Empty(warnings);
        Assert.False(blocking.IsOpen);
        Assert.False(cache.IsOpen);
    }

    private sealed class CancellingStore : IDistributedCache
    {
        public byte[]? Get(string key) => throw new NotSupportedException();

        public Task<byte[]?> GetAsync(string key, CancellationToken token = default) => Task.FromCanceled<byte[]?>(token);

        public void Set(string key, byte[] value, DistributedCacheEntryOptions options) => throw new NotSupportedException();

        public Task SetAsync(string key, byte[] value, DistributedCacheEntryOptions options, CancellationToken token = default) => Task.FromCanceled(token);

        public void Refresh(string key) => throw new NotSupportedException();

        public Task RefreshAsync(string key, CancellationToken token = default) => Task.CompletedTask;

        public void Remove(string key) => throw new NotSupportedException();

        public Task RemoveAsync(string key, CancellationToken token = default) => Task.CompletedTask;
    }
}
