using System.Text.RegularExpressions;
using BenchmarkAgent.Execution;
using BenchmarkAgent.GeneratorProtocol;
using BenchmarkAgent.Models;
using BenchmarkAgent.Persistence;
using BenchmarkAgent.Snapshots;
using BenchmarkAgent.Tests.Shared;
using Microsoft.Extensions.AI;

namespace BenchmarkAgent.Generator.Tests;

/// <summary>
/// The program's run over a request, in process: the backbone selection (offline, or the generator role's real client
/// against the in-test OpenAI-wire server), the token summary, the response cache, a budget that runs out, and the
/// protocol lines it writes.
/// </summary>
public sealed partial class GeneratorRunTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "ba-gen-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private string Obj => Path.Combine(_root, "obj");

    private GeneratorRequest Request(string backbone, int quota = 24) => new(
        [new GeneratorBenchmark("arith", "Multi-step arithmetic word problems", quota, 3, null, [], "sha256:test-fingerprint", backbone)],
        Path.Combine(_root, "Benchmarks"),
        Obj,
        Path.Combine(_root, "test.csproj"));

    private static ModelRoleSettingsReader Environment(IReadOnlyDictionary<string, string> variables) => new(name => variables.GetValueOrDefault(name));

    private async Task<(int ExitCode, List<GeneratorLine> Lines, string Raw)> RunAsync(GeneratorRequest request, BackboneSelector selector)
    {
        using var writer = new StringWriter();
        int exit = await new GeneratorRun(request, new GeneratorOutput(writer), selector).RunAsync(TestContext.Current.CancellationToken);
        string raw = writer.ToString();
        var lines = raw.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l =>
        {
            Assert.True(GeneratorProtocolJson.TryParseLine(l, out var line), l);
            return line;
        }).ToList();
        return (exit, lines, raw);
    }

    [Fact]
    public async Task The_offline_backbone_generates_writes_progress_and_a_result_and_no_token_summary()
    {
        var selector = new BackboneSelector(Environment(new Dictionary<string, string>()), new ModelPipelineOptions());

        var (exit, lines, raw) = await RunAsync(Request("offline"), selector);

        Assert.Equal(0, exit);
        Assert.Equal(24, lines.Count(l => l.Type == GeneratorLineTypes.Progress));
        Assert.Equal(["arith"], lines[^1].Generated!);
        Assert.Equal(GeneratorLineTypes.Result, lines[^1].Type);
        Assert.DoesNotContain("generator:", raw);
        Assert.Equal("sha256:test-fingerprint", SnapshotReader.ReadFingerprint(SnapshotLayout.PlanPath(Path.Combine(_root, "Benchmarks"), "arith")));
    }

    [Fact]
    public async Task The_LLM_backbone_runs_on_the_generator_roles_client_reports_its_tokens_and_a_rebuild_is_served_by_the_cache()
    {
        const string Key = "sk-generator-secret-0123";
        await using var server = OpenAiWireServer.Start(_ => "a plan with two subtasks");
        var variables = new Dictionary<string, string>
        {
            ["BENCHAGENT_GENERATOR_ENDPOINT"] = server.BaseUrl,
            ["BENCHAGENT_GENERATOR_MODEL"] = "scripted-generator",
            ["BENCHAGENT_GENERATOR_API_KEY"] = Key,
        };
        var pipeline = new ModelPipelineOptions { CacheDirectory = Path.Combine(Obj, "benchagent", "generator-cache"), Telemetry = false };
        IChatClient? seen = null;
        var selector = new BackboneSelector(Environment(variables), pipeline, (client, model, budget) => new ScriptedLlmBackbone(seen = client));

        var (exit, lines, raw) = await RunAsync(Request("llm"), selector);

        Assert.Equal(0, exit);
        Assert.NotNull(seen);
        var request = Assert.Single(server.Requests);
        Assert.Equal("scripted-generator", request.Model);
        Assert.Equal("Bearer " + Key, request.Authorization);
        var summary = Summary().Match(raw);
        Assert.True(summary.Success, raw);
        Assert.Equal("1", summary.Groups["requests"].Value);
        Assert.True(int.Parse(summary.Groups["input"].Value, System.Globalization.CultureInfo.InvariantCulture) > 0);
        Assert.True(int.Parse(summary.Groups["output"].Value, System.Globalization.CultureInfo.InvariantCulture) > 0);
        Assert.DoesNotContain(Key, raw);
        Assert.Equal(["arith"], lines[^1].Generated!);

        // The same inputs again: the response cache answers, the endpoint sees nothing, the summary says so.
        var (again, _, rawAgain) = await RunAsync(Request("llm"), new BackboneSelector(Environment(variables), pipeline, (client, model, budget) => new ScriptedLlmBackbone(client)));
        Assert.Equal(0, again);
        Assert.Single(server.Requests);
        Assert.Contains("BenchmarkAgent: generator: 0 requests, 0 input tokens, 0 output tokens", rawAgain);
    }

    [Fact]
    public async Task Llm_without_a_usable_generator_role_is_an_error_line_that_names_the_variables()
    {
        var selector = new BackboneSelector(Environment(new Dictionary<string, string> { ["BENCHAGENT_GENERATOR_MODEL"] = "m" }), new ModelPipelineOptions(),
            (client, model, budget) => throw new InvalidOperationException("must not be built"));

        var (exit, lines, _) = await RunAsync(Request("llm"), selector);

        Assert.Equal(1, exit);
        var error = Assert.Single(lines, l => l.Type == GeneratorLineTypes.Error);
        Assert.Equal("BA2003", error.Code); // the model layer's missing-endpoint code
        Assert.Contains("BENCHAGENT_GENERATOR_ENDPOINT", error.Text);
        Assert.StartsWith("Benchmark 'arith': ", error.Text);
        Assert.Empty(lines[^1].Generated!);
    }

    [Fact]
    public async Task A_generator_that_always_fails_ends_in_bounded_time_with_a_BA_error_and_the_key_nowhere_in_the_output()
    {
        string secret = "sk-failing-" + Guid.NewGuid().ToString("N");
        await using var server = OpenAiWireServer.Start(_ => "unused", failWith: _ => 500);
        var variables = new Dictionary<string, string>
        {
            ["BENCHAGENT_GENERATOR_ENDPOINT"] = server.BaseUrl,
            ["BENCHAGENT_GENERATOR_MODEL"] = "g",
            ["BENCHAGENT_GENERATOR_API_KEY"] = secret,
        };
        var stopwatch = System.Diagnostics.Stopwatch.StartNew();

        var (exit, lines, raw) = await RunAsync(Request("llm"), new BackboneSelector(Environment(variables), new ModelPipelineOptions()));

        Assert.Equal(1, exit);
        Assert.Equal("BA0500", Assert.Single(lines, l => l.Type == GeneratorLineTypes.Error).Code);
        Assert.Empty(lines[^1].Generated!);
        Assert.InRange(server.Requests.Count, 1, 20);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(60), $"took {stopwatch.Elapsed}");
        Assert.DoesNotContain(secret, raw);
    }

    [Fact]
    public async Task A_budget_that_runs_out_is_its_BA_code_keeps_the_finished_items_and_a_larger_budget_resumes_from_them()
    {
        await using var server = OpenAiWireServer.Start(_ => "plan");
        var variables = new Dictionary<string, string> { ["BENCHAGENT_GENERATOR_ENDPOINT"] = server.BaseUrl, ["BENCHAGENT_GENERATOR_MODEL"] = "g" };
        var pipeline = new ModelPipelineOptions { Telemetry = false };

        var (exit, lines, _) = await RunAsync(Request("llm"), new BackboneSelector(Environment(variables), pipeline, (client, model, budget) => new ScriptedLlmBackbone(client, budgetItems: 7)));

        Assert.Equal(1, exit);
        var error = Assert.Single(lines, l => l.Type == GeneratorLineTypes.Error);
        Assert.Equal("BA0502", error.Code);
        Assert.Contains("The 7 items finished so far are kept", error.Text);
        Assert.Empty(lines[^1].Generated!);
        Assert.False(File.Exists(SnapshotLayout.PlanPath(Path.Combine(_root, "Benchmarks"), "arith")));
        Assert.Equal(8, File.ReadAllLines(GenerationJournal.PathFor(Obj, "arith")).Length);

        var (resumed, resumedLines, raw) = await RunAsync(Request("llm"), new BackboneSelector(Environment(variables), pipeline, (client, model, budget) => new ScriptedLlmBackbone(client)));

        Assert.Equal(0, resumed);
        Assert.Contains("(7 items resumed from an interrupted run)", raw);
        Assert.Equal(["arith"], resumedLines[^1].Generated!);
    }

    [Fact]
    public async Task A_wall_time_budget_that_runs_out_is_BA0502_and_later_benchmarks_are_not_started()
    {
        var request = Request("offline", quota: 40) with
        {
            Budget = new GeneratorBudget(MaxSeconds: 1),
            TestHooks = new GeneratorTestHooks(ItemDelayMilliseconds: 100),
        };
        request = request with { Benchmarks = [.. request.Benchmarks, request.Benchmarks[0] with { Name = "second" }] };

        var (exit, lines, _) = await RunAsync(request, new BackboneSelector(Environment(new Dictionary<string, string>()), new ModelPipelineOptions()));

        Assert.Equal(1, exit);
        var error = Assert.Single(lines, l => l.Type == GeneratorLineTypes.Error);
        Assert.Equal("BA0502", error.Code);
        Assert.StartsWith("Benchmark 'arith': the generation wall-time budget of 1 s", error.Text);
        Assert.DoesNotContain(lines, l => l.Benchmark == "second");
        Assert.Empty(lines[^1].Generated!);
    }

    [Fact]
    public async Task An_unreadable_snapshot_is_reported_with_its_file_and_line_and_nothing_is_written()
    {
        var selector = new BackboneSelector(Environment(new Dictionary<string, string>()), new ModelPipelineOptions());
        Assert.Equal(0, (await RunAsync(Request("offline"), selector)).ExitCode);
        string items = SnapshotLayout.ItemsPath(Path.Combine(_root, "Benchmarks"), "arith");
        var text = File.ReadAllLines(items).ToList();
        text.Insert(2, "<<<<<<< HEAD");
        File.WriteAllLines(items, text);
        byte[] before = File.ReadAllBytes(items);

        var (exit, lines, _) = await RunAsync(Request("offline", quota: 30), selector);

        Assert.Equal(1, exit);
        var error = Assert.Single(lines, l => l.Type == GeneratorLineTypes.Error);
        Assert.Equal("BA0202", error.Code);
        Assert.Equal(items, error.File);
        Assert.Equal(3, error.Line);
        Assert.Equal(before, File.ReadAllBytes(items));
    }

    [GeneratedRegex(@"BenchmarkAgent: generator: (?<requests>\d+) requests, (?<input>\d+) input tokens, (?<output>\d+) output tokens")]
    private static partial Regex Summary();
}
