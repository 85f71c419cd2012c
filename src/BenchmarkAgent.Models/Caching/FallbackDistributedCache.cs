using Microsoft.Extensions.Caching.Distributed;

namespace BenchmarkAgent.Models;

/// <summary>
/// Puts a circuit in front of a shared cache (Redis) so that a cache which is down or dies mid-run never fails a call:
/// a read that fails is a miss (the call goes to the endpoint), a write that fails is dropped. The first failure after a
/// healthy spell reports one warning (<c>BA2101</c>) and opens the circuit for <see cref="OpenFor"/>: meanwhile reads
/// and writes skip the cache at once instead of each waiting for a timeout. After that one operation tries the cache
/// again; a success closes the circuit (a later outage warns again), a failure keeps it open without a second warning.
/// </summary>
internal sealed class FallbackDistributedCache : IDistributedCache, IDisposable
{
    /// <summary>How long the cache is skipped after a failure when none is given.</summary>
    public static readonly TimeSpan DefaultOpenFor = TimeSpan.FromSeconds(30);

    private readonly IDistributedCache _inner;
    private readonly string _description;
    private readonly Action<string> _warn;
    private readonly TimeProvider _clock;
    private readonly Lock _gate = new();
    private long _openUntil; // clock timestamp; 0 when closed
    private bool _warned;
    private int _failures;

    /// <summary>Wraps <paramref name="inner"/>.</summary>
    /// <param name="inner">The shared cache, e.g. a <c>RedisCache</c>; disposed with this one when disposable.</param>
    /// <param name="description">What the cache is, for the warning, e.g. <c>Redis 127.0.0.1:6379</c>; never a password.</param>
    /// <param name="warn">Receives the warning text (once per outage).</param>
    /// <param name="clock">The clock of the circuit; <see langword="null"/> for the system clock.</param>
    /// <param name="openFor">How long the cache is skipped after a failure; <see langword="null"/> for <see cref="DefaultOpenFor"/>.</param>
    public FallbackDistributedCache(IDistributedCache inner, string description, Action<string> warn, TimeProvider? clock = null, TimeSpan? openFor = null)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentException.ThrowIfNullOrWhiteSpace(description);
        ArgumentNullException.ThrowIfNull(warn);
        _inner = inner;
        _description = description;
        _warn = warn;
        _clock = clock ?? TimeProvider.System;
        OpenFor = openFor ?? DefaultOpenFor;
    }

    /// <summary>How long the cache is skipped after a failure.</summary>
    public TimeSpan OpenFor { get; }

    /// <summary>How many operations failed (each became a miss or a dropped write).</summary>
    public int Failures => Volatile.Read(ref _failures);

    /// <summary>Whether the cache is being skipped now.</summary>
    public bool IsOpen
    {
        get
        {
            lock (_gate)
            {
                return _openUntil != 0 && _clock.GetTimestamp() < _openUntil;
            }
        }
    }

    /// <inheritdoc />
    public byte[]? Get(string key) => IsOpen ? null : Guard(() => _inner.Get(key), null);

    /// <inheritdoc />
    public async Task<byte[]?> GetAsync(string key, CancellationToken token = default)
    {
        if (IsOpen)
        {
            return null;
        }

        try
        {
            var value = await _inner.GetAsync(key, token).ConfigureAwait(false);
            Succeeded();
            return value;
        }
        catch (Exception ex) when (!token.IsCancellationRequested)
        {
            Failed(ex);
            return null;
        }
    }

    /// <inheritdoc />
    public void Set(string key, byte[] value, DistributedCacheEntryOptions options)
    {
        if (!IsOpen)
        {
            Guard(() => { _inner.Set(key, value, options); return true; }, false);
        }
    }

    /// <inheritdoc />
    public async Task SetAsync(string key, byte[] value, DistributedCacheEntryOptions options, CancellationToken token = default)
    {
        if (IsOpen)
        {
            return;
        }

        try
        {
            await _inner.SetAsync(key, value, options, token).ConfigureAwait(false);
            Succeeded();
        }
        catch (Exception ex) when (!token.IsCancellationRequested)
        {
            Failed(ex);
        }
    }

    /// <inheritdoc />
    public void Refresh(string key)
    {
        // Entries do not expire: nothing to refresh.
    }

    /// <inheritdoc />
    public Task RefreshAsync(string key, CancellationToken token = default) => Task.CompletedTask;

    /// <inheritdoc />
    public void Remove(string key)
    {
        if (!IsOpen)
        {
            Guard(() => { _inner.Remove(key); return true; }, false);
        }
    }

    /// <inheritdoc />
    public async Task RemoveAsync(string key, CancellationToken token = default)
    {
        if (IsOpen)
        {
            return;
        }

        try
        {
            await _inner.RemoveAsync(key, token).ConfigureAwait(false);
            Succeeded();
        }
        catch (Exception ex) when (!token.IsCancellationRequested)
        {
            Failed(ex);
        }
    }

    /// <summary>Disposes the shared cache when it is disposable (it owns the connection).</summary>
    public void Dispose() => (_inner as IDisposable)?.Dispose();

    private T Guard<T>(Func<T> operation, T fallback)
    {
        try
        {
            var value = operation();
            Succeeded();
            return value;
        }
        catch (Exception ex)
        {
            Failed(ex);
            return fallback;
        }
    }

    private void Succeeded()
    {
        lock (_gate)
        {
            _openUntil = 0;
            _warned = false;
        }
    }

    private void Failed(Exception error)
    {
        Interlocked.Increment(ref _failures);
        bool warn;
        lock (_gate)
        {
            _openUntil = _clock.GetTimestamp() + (long)(OpenFor.TotalSeconds * _clock.TimestampFrequency);
            warn = !_warned;
            _warned = true;
        }

        if (warn)
        {
            // Only the exception's type: StackExchange.Redis messages may quote the configuration.
            _warn($"{ErrorCodes.SharedCacheUnavailable}: the shared response cache ({_description}) failed ({error.GetType().Name}); " +
                $"calls go to the endpoint without it and the cache is tried again in {OpenFor.TotalSeconds:0} s. " +
                "Results stay correct; check that Redis is up and BENCHAGENT_CACHE_REDIS names it.");
        }
    }
}
