using System.Threading.RateLimiting;

namespace BenchmarkAgent.Models;

/// <summary>
/// A <see cref="RateLimiter"/> that lets at most a given number of requests start per minute, evenly spaced: a
/// <see cref="TokenBucketRateLimiter"/> holding one token, refilled every <c>60 s / rate</c> by a timer of a
/// <see cref="TimeProvider"/> (so tests drive it with a fake clock). A quiet spell saves up no burst; waiting callers
/// are served oldest first.
/// </summary>
internal sealed class RequestRateLimiter : RateLimiter
{
    private readonly TokenBucketRateLimiter _bucket;
    private readonly ITimer _refill;

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
        _bucket = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = 1,
            TokensPerPeriod = 1,
            ReplenishmentPeriod = Interval,
            AutoReplenishment = false,
            QueueLimit = int.MaxValue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
        _refill = (timeProvider ?? TimeProvider.System).CreateTimer(static state => ((TokenBucketRateLimiter)state!).TryReplenish(), _bucket, Interval, Interval);
    }

    /// <summary>The most requests that start per minute.</summary>
    public double RequestsPerMinute { get; }

    /// <summary>The time between two starts.</summary>
    public TimeSpan Interval { get; }

    /// <inheritdoc />
    public override TimeSpan? IdleDuration => _bucket.IdleDuration;

    /// <inheritdoc />
    public override RateLimiterStatistics? GetStatistics() => _bucket.GetStatistics();

    /// <inheritdoc />
    protected override RateLimitLease AttemptAcquireCore(int permitCount) => _bucket.AttemptAcquire(permitCount);

    /// <inheritdoc />
    protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken) =>
        _bucket.AcquireAsync(permitCount, cancellationToken);

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _refill.Dispose();
            _bucket.Dispose();
        }

        base.Dispose(disposing);
    }
}
