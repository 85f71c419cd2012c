namespace BenchmarkAgent.Models;

/// <summary>How <see cref="RetryingChatClient"/> retries transient failures.</summary>
internal sealed record RetryOptions
{
    /// <summary>The default number of attempts per call (the first try and three retries).</summary>
    public const int DefaultMaxAttempts = 4;

    /// <summary>The most attempts per call, 1 or more.</summary>
    public int MaxAttempts { get; init; } = DefaultMaxAttempts;

    /// <summary>The delay before the first retry; it doubles before each further retry.</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait before a retry, whatever the backoff or <c>Retry-After</c> says.</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>The backoff is stretched by a random factor from 1 to 1 + this, so clients that failed together do not retry together.</summary>
    public double Jitter { get; init; } = 0.2;

    /// <summary>The clock the delays run on.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
