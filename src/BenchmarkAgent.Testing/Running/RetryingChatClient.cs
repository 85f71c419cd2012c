using System.ClientModel;
using System.Globalization;
using System.Net;
using Microsoft.Extensions.AI;

namespace BenchmarkAgent.Testing.Running;

/// <summary>
/// Retries transient failures of the inner client with exponential backoff: HTTP 408, 429 and 5xx, network errors and
/// timeouts. A <c>Retry-After</c> header (seconds or a date) is honoured, up to <see cref="MaxDelay"/>. At most
/// <see cref="MaxAttempts"/> attempts are made (default <see cref="DefaultMaxAttempts"/>); when they are used up the call
/// fails with a <see cref="ModelCallException"/> (<c>BA2011</c>) carrying the last error. Other errors and the caller's
/// cancellation propagate at once. Streaming calls are passed through without retries.
/// </summary>
public sealed class RetryingChatClient : DelegatingChatClient
{
    /// <summary>The default number of attempts per call (the first try and three retries).</summary>
    public const int DefaultMaxAttempts = 4;

    /// <summary>The default delay before the first retry; it doubles before each further retry.</summary>
    public static readonly TimeSpan DefaultBaseDelay = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait before a retry, whatever the backoff or <c>Retry-After</c> says.</summary>
    public static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(60);

    private readonly TimeSpan _baseDelay;
    private readonly TimeProvider _time;
    private readonly string _role;

    /// <summary>Wraps <paramref name="innerClient"/>.</summary>
    /// <param name="innerClient">The client to retry.</param>
    /// <param name="role">The role's name for error messages, e.g. <c>subject</c> or <c>judge</c>.</param>
    /// <param name="maxAttempts">Attempts per call, 1 or more.</param>
    /// <param name="baseDelay">The delay before the first retry; <see langword="null"/> for <see cref="DefaultBaseDelay"/>.</param>
    /// <param name="timeProvider">The clock the delays run on; <see langword="null"/> for the system clock.</param>
    public RetryingChatClient(IChatClient innerClient, string role, int maxAttempts = DefaultMaxAttempts, TimeSpan? baseDelay = null, TimeProvider? timeProvider = null)
        : base(innerClient)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(role);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxAttempts, 1);
        _role = role;
        MaxAttempts = maxAttempts;
        _baseDelay = baseDelay ?? DefaultBaseDelay;
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <summary>The most attempts per call.</summary>
    public int MaxAttempts { get; }

    /// <inheritdoc />
    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var list = messages as IReadOnlyList<ChatMessage> ?? messages.ToList();
        for (int attempt = 1; ; attempt++)
        {
            try
            {
                return await base.GetResponseAsync(list, options, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested && IsTransient(ex))
            {
                if (attempt >= MaxAttempts)
                {
                    throw new ModelCallException(_role, attempt, ex);
                }

                await Task.Delay(DelayBefore(attempt, ex), _time, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Whether an error is worth retrying: 408, 429, 5xx, a network error or a timeout.</summary>
    /// <param name="error">The error.</param>
    /// <returns><see langword="true"/> for transient errors.</returns>
    public static bool IsTransient(Exception error) => error switch
    {
        ClientResultException { Status: 0 } => true, // no response at all: a network error
        ClientResultException result => IsTransientStatus(result.Status),
        HttpRequestException { StatusCode: null } => true,
        HttpRequestException http => IsTransientStatus((int)http.StatusCode!.Value),
        TimeoutException or OperationCanceledException or IOException => true, // the caller's own cancellation is filtered before
        _ => false,
    };

    /// <summary>The wait before retry number <paramref name="attempt"/>: the <c>Retry-After</c> header when present, else the base delay doubled per attempt; never more than <see cref="MaxDelay"/>.</summary>
    /// <param name="attempt">The attempt that just failed, from 1.</param>
    /// <param name="error">Its error.</param>
    /// <returns>The delay.</returns>
    internal TimeSpan DelayBefore(int attempt, Exception error)
    {
        var delay = RetryAfter(error) ?? TimeSpan.FromTicks(_baseDelay.Ticks * (1L << Math.Min(attempt - 1, 20)));
        return delay > MaxDelay ? MaxDelay : delay < TimeSpan.Zero ? TimeSpan.Zero : delay;
    }

    private TimeSpan? RetryAfter(Exception error)
    {
        string? value = error switch
        {
            Subjects.ChatEndpointException endpoint => endpoint.RetryAfter,
            ClientResultException { } result when result.GetRawResponse() is { } response && response.Headers.TryGetValue("Retry-After", out string? header) => header,
            _ => null,
        };
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double seconds) && seconds >= 0)
        {
            return TimeSpan.FromSeconds(Math.Min(seconds, MaxDelay.TotalSeconds));
        }

        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date)
            ? date - _time.GetUtcNow()
            : null;
    }

    private static bool IsTransientStatus(int status) =>
        status is (int)HttpStatusCode.RequestTimeout or (int)HttpStatusCode.TooManyRequests or >= 500;
}
