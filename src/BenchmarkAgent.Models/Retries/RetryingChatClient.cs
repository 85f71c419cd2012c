using System.ClientModel;
using System.Net;
using Microsoft.Extensions.AI;
using Polly;
using Polly.Retry;

namespace BenchmarkAgent.Models;

/// <summary>
/// Retries transient failures of the inner client with jittered exponential backoff, through a Polly retry pipeline:
/// HTTP 408, 429 and 5xx, network errors and timeouts. A <c>Retry-After</c> header (seconds or an HTTP date, read from the OpenAI SDK's
/// <see cref="ClientResultException"/>) replaces the backoff, up to <see cref="RetryOptions.MaxDelay"/>. When the
/// attempts are used up the call fails with a <see cref="ModelCallException"/> <c>BA2011</c>; an endpoint error that
/// retrying cannot fix fails at once with <c>BA2018</c>. Both carry the status and the endpoint's text with the API key
/// masked. Other errors and the caller's cancellation propagate unchanged. Streaming calls are not retried (a stream
/// cannot be replayed) but fail with the same exception.
/// </summary>
/// <remarks>The OpenAI SDK's own retries are turned off by <see cref="ModelClientFactory"/>, so attempts do not multiply.</remarks>
internal sealed class RetryingChatClient : DelegatingChatClient
{
    private readonly string _role;
    private readonly RetryOptions _options;
    private readonly SecretMask _mask;
    private readonly ResiliencePipeline _pipeline;

    /// <summary>Wraps <paramref name="innerClient"/>.</summary>
    /// <param name="innerClient">The client to retry.</param>
    /// <param name="role">The role's name for error messages, e.g. <c>subject</c>.</param>
    /// <param name="options">Attempts, delays and clock; <see langword="null"/> for the defaults.</param>
    /// <param name="mask">Hides the role's API key in error messages; <see langword="null"/> for none.</param>
    public RetryingChatClient(IChatClient innerClient, string role, RetryOptions? options = null, SecretMask? mask = null)
        : base(innerClient)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(role);
        _options = options ?? new RetryOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.MaxAttempts, 1);
        _role = role;
        _mask = mask ?? SecretMask.None;
        _pipeline = _options.MaxAttempts == 1
            ? ResiliencePipeline.Empty
            : new ResiliencePipelineBuilder { TimeProvider = _options.TimeProvider }
                .AddRetry(new RetryStrategyOptions
                {
                    MaxRetryAttempts = _options.MaxAttempts - 1,
                    ShouldHandle = args => ValueTask.FromResult(
                        args.Outcome.Exception is { } error && !args.Context.CancellationToken.IsCancellationRequested && IsTransient(error)),
                    // Polly counts retries from 0; DelayBefore counts the attempt that just failed from 1.
                    DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(DelayBefore(args.AttemptNumber + 1, args.Outcome.Exception!)),
                })
                .Build();
    }

    /// <summary>The most attempts per call.</summary>
    public int MaxAttempts => _options.MaxAttempts;

    /// <inheritdoc />
    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var list = messages as IReadOnlyList<ChatMessage> ?? messages.ToList();
        int attempts = 0;
        try
        {
            return await _pipeline.ExecuteAsync(
                async token =>
                {
                    attempts++;
                    try
                    {
                        return await base.GetResponseAsync(list, options, token).ConfigureAwait(false);
                    }
                    catch (Exception ex) when (ex is System.Text.Json.JsonException or ArgumentOutOfRangeException)
                    {
                        // A 200 reply that is not a readable chat completion (a truncated body, broken JSON, no choices):
                        // the SDK fails while reading it. Like a dropped connection, it is worth asking again.
                        throw new MalformedReplyException(ex);
                    }
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && (ex is ClientResultException || IsTransient(ex)))
        {
            throw Failure(ex, attempts);
        }
    }

    /// <summary>Streams without retries (a stream cannot be replayed), but with the same errors: the endpoint's failures become a <see cref="ModelCallException"/> with the key masked.</summary>
    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var updates = base.GetStreamingResponseAsync(messages, options, cancellationToken).GetAsyncEnumerator(cancellationToken);
        await using (updates.ConfigureAwait(false))
        {
            while (true)
            {
                try
                {
                    if (!await updates.MoveNextAsync().ConfigureAwait(false))
                    {
                        yield break;
                    }
                }
                catch (Exception ex) when (!cancellationToken.IsCancellationRequested && (ex is ClientResultException || IsTransient(ex)))
                {
                    throw Failure(ex, attempt: 1);
                }

                yield return updates.Current;
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

    /// <summary>
    /// The wait before retry number <paramref name="attempt"/>: the <c>Retry-After</c> header when present, else the base
    /// delay doubled per attempt and stretched by up to <see cref="RetryOptions.Jitter"/>; never more than
    /// <see cref="RetryOptions.MaxDelay"/>.
    /// </summary>
    /// <param name="attempt">The attempt that just failed, from 1.</param>
    /// <param name="error">Its error.</param>
    /// <returns>The delay.</returns>
    internal TimeSpan DelayBefore(int attempt, Exception error)
    {
        var delay = RetryAfterHeader.Parse(RetryAfterOf(error), _options.TimeProvider.GetUtcNow());
        if (delay is null)
        {
            double backoff = _options.BaseDelay.Ticks * Math.Pow(2, Math.Min(attempt - 1, 20));
            double stretch = 1 + (_options.Jitter > 0 ? Random.Shared.NextDouble() * _options.Jitter : 0);
            delay = TimeSpan.FromTicks((long)Math.Min(backoff * stretch, TimeSpan.MaxValue.Ticks / 2));
        }

        return delay > _options.MaxDelay ? _options.MaxDelay : delay < TimeSpan.Zero ? TimeSpan.Zero : delay.Value;
    }

    /// <summary>The error a failed call ends with: <c>BA2011</c> for a transient error (attempts used up), <c>BA2018</c> for a refusal.</summary>
    private ModelCallException Failure(Exception error, int attempt) => IsTransient(error)
        ? new ModelCallException(ErrorCodes.CallFailedAfterRetries, _role,
            $"the {_role} call failed after {attempt} attempt(s); last error: {Describe(error)} " +
            "Check that the endpoint is up and not rate-limiting, or lower the role's concurrency or rate limit.",
            StatusOf(error), attempt, error is ClientResultException ? null : error)
        : new ModelCallException(ErrorCodes.CallRejected, _role, $"the {_role} endpoint refused the call: {Describe(error)}", StatusOf(error), attempt);

    private static string? RetryAfterOf(Exception error) =>
        error is ClientResultException result && result.GetRawResponse() is { } response && response.Headers.TryGetValue("Retry-After", out string? value)
            ? value
            : null;

    private static int? StatusOf(Exception error) => error switch
    {
        ClientResultException { Status: > 0 } result => result.Status,
        HttpRequestException { StatusCode: { } status } => (int)status,
        _ => null,
    };

    private string Describe(Exception error) =>
        _mask.Apply(error is ClientResultException { Status: > 0 } result
            ? $"HTTP {result.Status} ({(HttpStatusCode)result.Status}): {EndpointText(result)}"
            : $"{error.GetType().Name}: {error.Message}");

    /// <summary>The endpoint's own <c>error.message</c>, else the SDK's message (which may quote the body; it is masked by the caller).</summary>
    private static string EndpointText(ClientResultException error)
    {
        try
        {
            if (error.GetRawResponse() is { } response)
            {
                using var document = System.Text.Json.JsonDocument.Parse(response.Content.ToMemory());
                if (document.RootElement.ValueKind == System.Text.Json.JsonValueKind.Object && document.RootElement.TryGetProperty("error", out var inner))
                {
                    if (inner.ValueKind == System.Text.Json.JsonValueKind.Object && inner.TryGetProperty("message", out var message) && message.ValueKind == System.Text.Json.JsonValueKind.String)
                    {
                        return message.GetString()!;
                    }

                    if (inner.ValueKind == System.Text.Json.JsonValueKind.String)
                    {
                        return inner.GetString()!;
                    }
                }
            }
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or InvalidOperationException)
        {
            // Not JSON: fall back to the SDK's message.
        }

        string text = error.Message.Trim();
        return text.Length <= 500 ? text : text[..500] + "...";
    }

    private static bool IsTransientStatus(int status) =>
        status is (int)HttpStatusCode.RequestTimeout or (int)HttpStatusCode.TooManyRequests or >= 500;
}
