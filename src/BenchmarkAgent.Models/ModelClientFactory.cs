using BenchmarkAgent.Models.Timeouts;
using Microsoft.Extensions.AI;

namespace BenchmarkAgent.Models;

/// <summary>
/// The composition root of the model layer: returns the composed <see cref="IChatClient"/> of a role. From the outside
/// in: OpenTelemetry, logging, the response cache, token accounting, retries, the rate limit, then the endpoint. The
/// cache sits outside the retries so a hit costs no attempt; the rate limit sits inside them so every attempt counts
/// against it; token accounting sits inside the cache so it counts what the endpoint billed.
/// </summary>
internal static class ModelClientFactory
{
    /// <summary>Creates the composed client of a configured role.</summary>
    /// <param name="settings">The role's endpoint, model, key and sign-in.</param>
    /// <param name="options">What to compose; <see langword="null"/> for retries, token accounting and telemetry only.</param>
    /// <returns>The client; dispose it when done.</returns>
    public static IChatClient Create(ModelRoleSettings settings, ModelPipelineOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        options ??= new ModelPipelineOptions();
        return Compose(EndpointChatClient.Create(settings, options), settings.Role, EndpointIdentity.Of(settings.Endpoint), settings.Model, options, new SecretMask([settings.ApiKey]));
    }

    /// <summary>Composes the pipeline around a client from elsewhere (e.g. a subject supplied in code).</summary>
    /// <param name="endpointClient">The innermost client.</param>
    /// <param name="role">The role.</param>
    /// <param name="endpointIdentity">What identifies the endpoint in cache keys (never a key).</param>
    /// <param name="model">The model identity in cache keys.</param>
    /// <param name="options">What to compose; <see langword="null"/> for the defaults.</param>
    /// <param name="mask">Secrets to hide in error messages.</param>
    /// <returns>The client; disposing it disposes <paramref name="endpointClient"/>.</returns>
    public static IChatClient Compose(IChatClient endpointClient, ModelRole role, string endpointIdentity, string model, ModelPipelineOptions? options = null, SecretMask? mask = null)
    {
        ArgumentNullException.ThrowIfNull(endpointClient);
        ArgumentNullException.ThrowIfNull(endpointIdentity);
        ArgumentNullException.ThrowIfNull(model);
        options ??= new ModelPipelineOptions();
        var builder = new ChatClientBuilder(endpointClient);
        if (options.Telemetry)
        {
            builder.UseOpenTelemetry(options.LoggerFactory, ModelPipelineOptions.TelemetrySourceName);
        }

        if (options.LoggerFactory is { } loggerFactory)
        {
            builder.UseLogging(loggerFactory);
        }

        Microsoft.Extensions.Caching.Distributed.IDistributedCache? storage = null;
        if (options.Cache is { } given)
        {
            builder.UseResponseCache(storage = given, role, endpointIdentity, model);
        }
        else if (options.RedisCache is { } redis)
        {
            var shared = SharedResponseCache.Create(redis, role, Warning(options), options.TimeProvider);
            builder.UseResponseCache(storage = shared, role, endpointIdentity, model, ownsStorage: true);
        }
        else if (options.CacheDirectory is { } directory)
        {
            builder.UseResponseCache(storage = new FileDistributedCache(directory, role.ToString().ToLowerInvariant()), role, endpointIdentity, model);
        }

        if (options.Batch is { } batch)
        {
            // Right below the cache: a miss is recorded for the provider batch, never called. The key function and the
            // store are the cache's own (a cache client over the same storage with the same key values).
            var keyed = ResponseCacheChatClientBuilderExtensions.Create(endpointClient, storage ?? throw new InvalidOperationException(
                $"{ErrorCodes.InvalidBatchSetting}: a provider batch needs the {role.ToString().ToLowerInvariant()} response cache, where its answers are collected; turn the cache on."), role, endpointIdentity, model);
            builder.Use(inner => new BatchCollectingChatClient(inner, batch, keyed));
        }

        builder.UseUsageAccounting(role);
        builder.UseRetries(role.ToString().ToLowerInvariant(), options.Retry with { TimeProvider = options.TimeProvider }, mask);
        if (options.RequestsPerMinute is { } perMinute)
        {
            builder.UseRequestsPerMinute(perMinute, options.TimeProvider);
        }

        // Innermost: bounds each attempt (headers and body), not the waits for a rate-limit slot or between retries. On
        // the system clock: it bounds real network I/O, which a test's fake clock (for retry delays) does not drive.
        builder.UseCallTimeout(options.CallTimeout, TimeProvider.System);

        return builder.Build();
    }

    /// <summary>Where the model layer's warnings go: <see cref="ModelPipelineOptions.Warn"/> and the logger, if any.</summary>
    private static Action<string> Warning(ModelPipelineOptions options)
    {
        var logger = options.LoggerFactory is { } factory ? factory.CreateLogger(typeof(ModelClientFactory).FullName!) : null;
        var warn = options.Warn;
        return message =>
        {
            warn?.Invoke(message);
            if (logger is not null)
            {
                Microsoft.Extensions.Logging.LoggerExtensions.LogWarning(logger, "{Warning}", message);
            }
        };
    }
}
