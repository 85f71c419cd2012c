using BenchmarkAgent.Execution;
using BenchmarkAgent.Generation.Budgets;
using BenchmarkAgent.Models;
using BenchmarkAgent.Planning;
using BenchmarkAgent.Snapshots;
using BenchmarkAgent.Tests.Shared;
using Microsoft.Extensions.AI;

namespace BenchmarkAgent.Generation.Tests;

/// <summary>
/// The real pipeline against the in-test server: the generator role's client from <see cref="ModelClientFactory"/>
/// (retries honouring Retry-After, file response cache, token accounting) under an <see cref="LlmBackbone"/>.
/// </summary>
internal sealed class GeneratorHarness : IAsyncDisposable
{
    public const string ApiKey = "sk-generator-secret-4242";
    public const string Model = "gen-model";

    private GeneratorHarness(OpenAiWireServer server, ScriptedGenerator script)
    {
        Server = server;
        Script = script;
    }

    public OpenAiWireServer Server { get; }

    public ScriptedGenerator Script { get; }

    public static GeneratorHarness Start(
        ScriptedGenerator? script = null,
        Func<ChatRequestInfo, int?>? failWith = null,
        Func<ChatRequestInfo, string?>? retryAfter = null,
        Func<ChatRequestInfo, string>? errorMessage = null,
        Func<ChatRequestInfo, TimeSpan>? delay = null,
        TimeSpan latency = default)
    {
        script ??= new ScriptedGenerator();
        var server = OpenAiWireServer.Start(script.Respond, latency, failWith: failWith, retryAfter: retryAfter, errorMessage: errorMessage, delay: delay);
        return new GeneratorHarness(server, script);
    }

    /// <summary>A composed generator client (dispose it), with fast retries and an optional cache folder.</summary>
    public IChatClient Client(string? cacheDirectory = null, TimeSpan? networkTimeout = null, int maxAttempts = 4) =>
        ModelClientFactory.Create(
            new ModelRoleSettings(ModelRole.Generator, Server.BaseUri, Model, ApiKey),
            new ModelPipelineOptions
            {
                CacheDirectory = cacheDirectory,
                Telemetry = false,
                NetworkTimeout = networkTimeout ?? TimeSpan.FromSeconds(10),
                Retry = new RetryOptions { MaxAttempts = maxAttempts, BaseDelay = TimeSpan.FromMilliseconds(5), MaxDelay = TimeSpan.FromMilliseconds(50), Jitter = 0 },
            });

    public static BenchmarkRequest Request(string query, int quota, string name = "bench", int seed = 7) => new(name, query, quota, seed);

    /// <summary>Plans and generates <paramref name="request"/> with a fresh backbone.</summary>
    public async Task<(BenchmarkSnapshot Snapshot, LlmBackbone Backbone)> RunAsync(
        BenchmarkRequest request,
        string? cacheDirectory = null,
        LlmBackboneOptions? options = null,
        Persistence.IItemJournal? journal = null,
        IProgress<GenerationProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        using var client = Client(cacheDirectory);
        var backbone = new LlmBackbone(client, Model, options);
        var plan = await backbone.PlanAsync(request, cancellationToken);
        var snapshot = await backbone.GenerateAsync(plan, InputFingerprint.Compute(request), null, 0, journal, progress, cancellationToken);
        return (snapshot, backbone);
    }

    public ValueTask DisposeAsync() => Server.DisposeAsync();
}
