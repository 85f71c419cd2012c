using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;

namespace BenchmarkAgent.Models.Tests.Retries;

/// <summary>A fake clock that tells when a timer (e.g. a retry's delay) is created, and for how long.</summary>
internal sealed class TimerWatchingTimeProvider : FakeTimeProvider
{
    private readonly Channel<TimeSpan> _timers = Channel.CreateUnbounded<TimeSpan>();

    public TimerWatchingTimeProvider(DateTimeOffset start)
        : base(start)
    {
    }

    /// <summary>Waits for the next timer to be created and returns its due time.</summary>
    public ValueTask<TimeSpan> NextTimerAsync(CancellationToken cancellationToken) => _timers.Reader.ReadAsync(cancellationToken);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        _timers.Writer.TryWrite(dueTime);
        return timer;
    }
}
