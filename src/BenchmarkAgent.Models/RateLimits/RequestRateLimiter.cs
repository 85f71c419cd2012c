using System.Collections.Concurrent;
using System.Threading.RateLimiting;

namespace BenchmarkAgent.Models;

/// <summary>
/// A <see cref="RateLimiter"/> that lets at most a given number of requests start per minute, evenly spaced: a
/// <see cref="ConcurrencyLimiter"/> with one permit, whose permit is handed back one interval (<c>60 s / rate</c>) after
/// each start, by a timer of a <see cref="TimeProvider"/> (so tests drive it with a fake clock). A quiet spell saves
/// up no burst; waiting callers are served oldest first. Disposing a lease it gave out does nothing: the clock releases it.
/// </summary>
/// <remarks>
/// <see cref="TokenBucketRateLimiter"/> is not used because it measures elapsed time on the system clock, which a test
/// cannot drive.
/// </remarks>
internal sealed class RequestRateLimiter : RateLimiter
{
    private readonly ConcurrencyLimiter _gate = new(new ConcurrencyLimiterOptions
    {
        PermitLimit = 1,
        QueueLimit = int.MaxValue,
        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
    });

    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<ITimer, RateLimitLease> _pending = new();

    /// <summary>Creates a limiter.</summary>
    /// <param name="requestsPerMinute">The most requests that start per minute (more than 0).</param>
    /// <param name="timeProvider">The clock; <see langword="null"/> for the system clock.</param>
    public RequestRateLimiter(double requestsPerMinute, TimeProvider? timeProvider = null)
    {
        if (!double.IsFinite(requestsPerMinute) || requestsPerMinute <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(requestsPerMinute), requestsPerMinute, "The rate must be a positive number of requests per minute.");
        }

        RequestsPerMinute = requestsPerMinute;
        Interval = TimeSpan.FromTicks(Math.Max(1, (long)(TimeSpan.TicksPerMinute / requestsPerMinute)));
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <summary>The most requests that start per minute.</summary>
    public double RequestsPerMinute { get; }

    /// <summary>The time between two starts.</summary>
    public TimeSpan Interval { get; }

    /// <inheritdoc />
    public override TimeSpan? IdleDuration => _gate.IdleDuration;

    /// <inheritdoc />
    public override RateLimiterStatistics? GetStatistics() => _gate.GetStatistics();

    /// <inheritdoc />
    protected override RateLimitLease AttemptAcquireCore(int permitCount) => Started(_gate.AttemptAcquire(permitCount));

    /// <inheritdoc />
    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken) =>
        Started(await _gate.AcquireAsync(permitCount, cancellationToken).ConfigureAwait(false));

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            foreach (var (timer, lease) in _pending)
            {
                timer.Dispose();
                lease.Dispose();
            }

            _gate.Dispose();
        }

        base.Dispose(disposing);
    }

    /// <summary>Holds an acquired permit for one interval from now, then gives it back; returns a lease whose disposal is a no-op.</summary>
    private RateLimitLease Started(RateLimitLease lease)
    {
        if (!lease.IsAcquired)
        {
            return lease;
        }

        ITimer? timer = null;
        timer = _time.CreateTimer(_ => Release(timer), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _pending[timer] = lease;
        timer.Change(Interval, Timeout.InfiniteTimeSpan);
        return new HeldLease();
    }

    private void Release(ITimer? timer)
    {
        if (timer is not null && _pending.TryRemove(timer, out var lease))
        {
            timer.Dispose();
            lease.Dispose();
        }
    }

    /// <summary>An acquired lease whose permit the clock gives back.</summary>
    private sealed class HeldLease : RateLimitLease
    {
        public override bool IsAcquired => true;

        public override IEnumerable<string> MetadataNames => [];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = null;
            return false;
        }
    }
}
