using System.Diagnostics;
using System.Text.Json;
using BenchmarkAgent.Models;
using BenchmarkAgent.Snapshots;
using BenchmarkAgent.Tests.Shared;

namespace BenchmarkAgent.Generation.Tests.Hardening;

/// <summary>
/// Issue 16's fault mix, run against generation: the LLM backbone over a raw-socket OpenAI-wire server (127.0.0.1) that
/// answers 20% of requests with 429 (with and without Retry-After) or 500/503, stalls 5% of bodies, sends 5% malformed
/// answers (bad JSON, empty choices, null content, truncated bodies) and resets 2% of connections. A planning call that
/// fails in all 8 attempts would end the build (about 1 in 10,000 per call at this mix); a sample whose call fails for
/// good only loses that candidate.
/// </summary>
public sealed class GenerationFaultMixTests
{
    /// <summary>The scripted generator's reply to one request, from the user text alone (the stage is in its JSON).</summary>
    private static string Respond(ScriptedGenerator script, string userText)
    {
        using var document = JsonDocument.Parse(userText);
        string stage = document.RootElement.GetProperty("stage").GetString()!;
        var request = new ChatRequestInfo(
            "/v1/chat/completions",
            "faulty-generator",
            [new ChatRequestMessage("system", "Stage: " + stage), new ChatRequestMessage("user", userText)],
            userText,
            Authorization: null,
            Stream: false,
            Temperature: 0,
            Body: string.Empty,
            Sequence: 0);
        return script.Respond(request);
    }

    [Fact]
    public async Task Under_the_fault_mix_generation_reaches_the_quota_in_bounded_time_with_only_scripted_items()
    {
        var script = new ScriptedGenerator();
        await using var server = FaultyOpenAiServer.Start(text => Respond(script, text), FaultyOpenAiServer.Mix(seed: 13));
        var options = new ModelPipelineOptions
        {
            Telemetry = false,
            CallTimeout = TimeSpan.FromSeconds(2),
            Retry = new() { MaxAttempts = 8, BaseDelay = TimeSpan.FromMilliseconds(20), MaxDelay = TimeSpan.FromMilliseconds(200) },
        };
        using var client = ModelClientFactory.Create(new ModelRoleSettings(ModelRole.Generator, server.BaseUri, "faulty-generator", "sk-fault-mix"), options);
        var backbone = new LlmBackbone(client, "faulty-generator", new LlmBackboneOptions { Concurrency = 8 });
        var request = GeneratorHarness.Request("Summaries that must stay faithful to a source paragraph", 24);
        var stopwatch = Stopwatch.StartNew();

        var plan = await backbone.PlanAsync(request, TestContext.Current.CancellationToken);
        var snapshot = await backbone.GenerateAsync(plan, InputFingerprint.Compute(request), null, 0, null, null, TestContext.Current.CancellationToken);

        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(120), $"took {stopwatch.Elapsed}");
        Assert.Equal(24, snapshot.Items.Count);
        Assert.All(snapshot.Items, item => Assert.Equal("llm:faulty-generator", item.Provenance.Source.ToString()));
        Assert.All(snapshot.Items, item => Assert.Contains("which code does the registry assign?", item.Prompt, StringComparison.Ordinal));

        // The mix really ran: every kind of fault reached the client, and retried requests were answered.
        var faults = server.Log.Select(l => l.Fault).ToHashSet();
        Assert.Contains(WireFault.StalledBody, faults);
        Assert.Contains(faults, f => f is WireFault.TooManyRequests or WireFault.TooManyRequestsWithRetryAfter or WireFault.InternalServerError or WireFault.ServiceUnavailable);
        Assert.Contains(faults, f => f is WireFault.MalformedJson or WireFault.EmptyChoices or WireFault.NullContent or WireFault.TruncatedBody);
        Assert.True(server.Log.Count(l => l.Fault != WireFault.None) >= 10, $"{server.Log.Count(l => l.Fault != WireFault.None)} faults of {server.Log.Count} requests");
    }
}
