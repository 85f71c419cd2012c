using System.ClientModel;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Logging;

namespace BenchmarkAgent.Models;

/// <summary>What <see cref="ModelClientFactory"/> composes around a role's endpoint client.</summary>
internal sealed record ModelPipelineOptions
{
    /// <summary>The <see cref="System.Diagnostics.ActivitySource"/> and meter name of the telemetry.</summary>
    public const string TelemetrySourceName = "BenchmarkAgent.Models";

    /// <summary>The network timeout of one request when none is given (as the OpenAI SDK's).</summary>
    public static readonly TimeSpan DefaultNetworkTimeout = TimeSpan.FromSeconds(100);

    /// <summary>Attempts and backoff of the retry layer (its clock is <see cref="TimeProvider"/>).</summary>
    public RetryOptions Retry { get; init; } = new();

    /// <summary>The most requests that may start per minute, or <see langword="null"/> for no limit.</summary>
    public double? RequestsPerMinute { get; init; }

    /// <summary>The response cache's root folder (entries go to <c>&lt;folder&gt;/v1/&lt;role&gt;/</c>), or <see langword="null"/> for no cache.</summary>
    public string? CacheDirectory { get; init; }

    /// <summary>A cache to use instead of a folder (tests, or a shared store); wins over <see cref="CacheDirectory"/>.</summary>
    public IDistributedCache? Cache { get; init; }

    /// <summary>
    /// The shared response cache in Redis (<c>BENCHAGENT_CACHE_REDIS</c>), or <see langword="null"/>; wins over
    /// <see cref="CacheDirectory"/> and loses to <see cref="Cache"/>. A Redis that fails means live calls and one warning.
    /// </summary>
    public RedisCacheConnection? RedisCache { get; init; }

    /// <summary>
    /// The role's provider batch (<c>BENCHAGENT_BATCH</c>), or <see langword="null"/> for live calls. A cache miss is then
    /// recorded for the batch instead of called; it needs a response cache (<see cref="Cache"/>, <see cref="RedisCache"/>
    /// or <see cref="CacheDirectory"/>), where the batch's answers are collected. The caller owns and disposes it.
    /// </summary>
    public BatchSession? Batch { get; init; }

    /// <summary>Receives the model layer's warnings (e.g. <c>BA2101</c>, the shared cache is down); <see langword="null"/> for the logger only.</summary>
    public Action<string>? Warn { get; init; }

    /// <summary>The clock of retries and rate limits.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Where calls are logged (<c>UseLogging</c>); <see langword="null"/> for no logging.</summary>
    public ILoggerFactory? LoggerFactory { get; init; }

    /// <summary>Whether calls are traced and measured with OpenTelemetry's generative-AI conventions (<c>UseOpenTelemetry</c>); message text is never recorded.</summary>
    public bool Telemetry { get; init; } = true;

    /// <summary>The network timeout of one request; <see langword="null"/> for <see cref="DefaultNetworkTimeout"/>.</summary>
    public TimeSpan? NetworkTimeout { get; init; }

    /// <summary>The default of <see cref="CallTimeout"/>: five minutes for one call, headers and body.</summary>
    public static readonly TimeSpan DefaultCallTimeout = TimeSpan.FromMinutes(5);

    /// <summary>The total time one call (one attempt, headers and body) may take before it is cancelled and retried.</summary>
    public TimeSpan CallTimeout { get; init; } = DefaultCallTimeout;

    /// <summary>The HTTP transport of the endpoint client (tests); <see langword="null"/> for the SDK's pooled one.</summary>
    public System.ClientModel.Primitives.PipelineTransport? Transport { get; init; }

    /// <summary>The Entra credential for <see cref="ModelAuthentication.Entra"/>; <see langword="null"/> for <c>DefaultAzureCredential</c>.</summary>
    public AuthenticationTokenProvider? EntraCredential { get; init; }
}
