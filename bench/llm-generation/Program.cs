using System.Diagnostics;
using System.Globalization;
using BenchmarkAgent.Execution;
using BenchmarkAgent.Generation;
using BenchmarkAgent.Generation.Tests;
using BenchmarkAgent.Models;
using BenchmarkAgent.Planning;
using BenchmarkAgent.Snapshots;
using BenchmarkAgent.Tests.Shared;

// Usage: LlmGeneration.Bench [quota=48] [latencyMs=200] [concurrency list=1,16]
// Each run: a fresh scripted generator server with a fixed latency per reply, a fresh (empty) response cache, the
// LLM backbone planning and generating one benchmark. Prints a Markdown table; ratios are against concurrency 1 of the
// same run.
int quota = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 48;
int latencyMs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 200;
int[] levels = args.Length > 2 ? args[2].Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray() : [1, 16];
const string Query = "Customer-support answers that follow a refund policy given as context";

var rows = new List<(int Concurrency, double PlanSeconds, double GenerateSeconds, int Items, long Requests, long Tokens, string ItemsHash)>();
foreach (int concurrency in levels)
{
    string cache = Path.Combine(Path.GetTempPath(), "benchagent-llm-bench-" + Guid.NewGuid().ToString("N"));
    var script = new ScriptedGenerator();
    await using var server = OpenAiWireServer.Start(script.Respond, TimeSpan.FromMilliseconds(latencyMs));
    using var client = ModelClientFactory.Create(
        new ModelRoleSettings(ModelRole.Generator, server.BaseUri, "bench-model", "sk-bench"),
        new ModelPipelineOptions { CacheDirectory = cache, Telemetry = false });
    var backbone = new LlmBackbone(client, "bench-model", new LlmBackboneOptions { Concurrency = concurrency });
    var request = new BenchmarkRequest("bench", Query, quota, 7);

    var planWatch = Stopwatch.StartNew();
    var plan = await backbone.PlanAsync(request);
    planWatch.Stop();
    long planRequests = backbone.Requests;
    Console.Error.WriteLine("subtasks: " + string.Join(", ", plan.Subtasks.Select(s => $"{s.Name} x{s.Quota}")));
    var watch = Stopwatch.StartNew();
    var snapshot = await backbone.GenerateAsync(plan, InputFingerprint.Compute(request), null, 0, null, null);
    watch.Stop();

    string hash = BenchmarkAgent.StableHash.Hex(16, [.. snapshot.Items.Select(i => i.Id + "\n" + i.Prompt + "\n" + i.Answer.Value)]);
    rows.Add((concurrency, planWatch.Elapsed.TotalSeconds, watch.Elapsed.TotalSeconds, snapshot.Items.Count, backbone.Requests, backbone.Tokens, hash));
    Console.Error.WriteLine($"concurrency {concurrency}: plan {planWatch.Elapsed.TotalSeconds:0.00} s ({planRequests} requests), generate {watch.Elapsed.TotalSeconds:0.00} s, {snapshot.Items.Count} items, {backbone.Requests} requests");
    try
    {
        Directory.Delete(cache, recursive: true);
    }
    catch (IOException)
    {
    }
}

var baseline = rows[0];
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"LLM generation, quota {quota}, server latency {latencyMs} ms per reply, {Environment.ProcessorCount} cores"));
Console.WriteLine();
Console.WriteLine("| concurrency | plan s | generate s | items | requests/item | tokens/item | generate speed-up vs 1 | items identical to 1 |");
Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|:---:|");
foreach (var row in rows)
{
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"| {row.Concurrency} | {row.PlanSeconds:0.00} | {row.GenerateSeconds:0.00} | {row.Items} | {(double)row.Requests / row.Items:0.00} | {(double)row.Tokens / row.Items:0} | {baseline.GenerateSeconds / row.GenerateSeconds:0.0}x | {(row.ItemsHash == baseline.ItemsHash ? "yes" : "NO")} |"));
}
