using BenchmarkAgent.GeneratorProtocol;
using System.Diagnostics;
using System.Text.Json;
using BenchmarkAgent.Generation.Tests;
using BenchmarkAgent.Snapshots;
using BenchmarkAgent.Tests.Shared;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using Task = System.Threading.Tasks.Task;

namespace BenchmarkAgent.Tasks.Tests;

/// <summary>
/// The LLM backbone through the real generate task and the real generator program, against a generator model scripted
/// stage by stage on an in-test OpenAI-wire server (127.0.0.1): quota, provenance and rationale; a second build makes no
/// request; the CI lock accepts what it wrote; a budget stops generation, keeps the finished items and a rebuild resumes.
/// </summary>
public sealed class LlmBackboneBuildTests : IDisposable
{
    private const string Model = "scripted-generator";
    private readonly TaskProject _project = new("ba-llm-build-");

    public void Dispose() => _project.Dispose();

    private string Items => SnapshotLayout.ItemsPath(Path.Combine(_project.Root, "Benchmarks"), "support");

    private string Plan => SnapshotLayout.PlanPath(Path.Combine(_project.Root, "Benchmarks"), "support");

    private static TaskItem Item(string query, int quota)
    {
        var item = new TaskItem("support");
        item.SetMetadata("Query", query);
        item.SetMetadata("Quota", quota.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return item;
    }

    private GenerateBenchmarks NewTask(IBuildEngine engine, TaskItem item, IReadOnlyDictionary<string, string?> environment, bool locked = false, string requests = "", GeneratorTestHooks? hooks = null) => new()
    {
        TestHooks = hooks,
        BuildEngine = engine,
        Benchmarks = [item],
        SnapshotRoot = Path.Combine(_project.Root, "Benchmarks"),
        ProjectFile = Path.Combine(_project.Root, "test.csproj"),
        GeneratorPath = TestGenerator.Path,
        Locked = locked,
        MaxGeneratorRequests = requests,
        EnvironmentVariable = name => environment.GetValueOrDefault(name),
        GeneratorStartInfo = requestFile =>
        {
            var start = new ProcessStartInfo("dotnet");
            start.ArgumentList.Add(TestGenerator.Path);
            start.ArgumentList.Add(requestFile);
            foreach (var (name, value) in environment)
            {
                start.Environment[name] = value;
            }

            return start;
        },
    };

    private static Dictionary<string, string?> Generator(OpenAiWireServer server, string key) => new()
    {
        ["BENCHAGENT_GENERATOR_ENDPOINT"] = server.BaseUrl,
        ["BENCHAGENT_GENERATOR_MODEL"] = Model,
        ["BENCHAGENT_GENERATOR_API_KEY"] = key,
        ["BENCHAGENT_GENERATOR_CONCURRENCY"] = "4",
    };

    private static string Output(RecordingBuildEngine engine) =>
        string.Join("\n", engine.Messages.Select(m => m.Message ?? string.Empty).Concat(engine.Warnings.Select(w => $"{w.Code}: {w.Message}")).Concat(engine.Errors.Select(e => $"{e.Code}: {e.Message}")));

    [Fact]
    public async Task A_query_outside_the_catalog_builds_to_quota_on_the_llm_backbone_then_a_second_build_and_the_CI_lock_make_no_request()
    {
        string key = "sk-llm-build-" + Guid.NewGuid().ToString("N");
        var script = new ScriptedGenerator();
        await using var server = OpenAiWireServer.Start(script.Respond);
        var environment = Generator(server, key);
        var item = Item("Answers of a support bot that must follow the refund policy given in the context", 12);

        var engine = new RecordingBuildEngine();
        var first = NewTask(engine, item, environment);
        Assert.True(first.Execute(), Output(engine));

        using var items = JsonDocument.Parse(File.ReadAllText(Items));
        var all = items.RootElement.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(12, all.Count);
        Assert.All(all, i => Assert.StartsWith("llm:" + Model, i.GetProperty("provenance").GetProperty("source").GetString(), StringComparison.Ordinal));
        using var plan = JsonDocument.Parse(File.ReadAllText(Plan));
        Assert.Equal("llm:" + Model, plan.RootElement.GetProperty("backbone").GetString());
        Assert.NotEmpty(plan.RootElement.GetProperty("decisions").EnumerateArray());
        Assert.All(plan.RootElement.GetProperty("subtasks").EnumerateArray(), s => Assert.False(string.IsNullOrWhiteSpace(s.GetProperty("rationale").GetString())));
        Assert.Contains(engine.Messages, m => m.Message is { } text && text.StartsWith("BenchmarkAgent: generator: ", StringComparison.Ordinal));
        Assert.DoesNotContain(key, Output(engine));
        Assert.DoesNotContain(key, File.ReadAllText(Items) + File.ReadAllText(Plan));
        int requests = server.Requests.Count;
        Assert.True(requests > 0);

        // Fresh: no program start, no request.
        var again = new RecordingBuildEngine();
        var second = NewTask(again, item, environment);
        Assert.True(second.Execute(), Output(again));
        Assert.Equal(0, second.GeneratorStarts);
        Assert.Equal(requests, server.Requests.Count);

        // CI: the lock checks the LLM snapshot against its own plan, without a generator and without a request.
        var ci = new RecordingBuildEngine();
        var locked = NewTask(ci, item, new Dictionary<string, string?>(), locked: true);
        Assert.True(locked.Execute(), Output(ci));
        Assert.Equal(0, locked.GeneratorStarts);
        Assert.Equal(requests, server.Requests.Count);
    }

    [Fact]
    public async Task A_request_budget_stops_generation_with_BA0502_and_no_snapshot_then_a_larger_budget_resumes_without_repeating_finished_samples()
    {
        var script = new ScriptedGenerator();
        await using var server = OpenAiWireServer.Start(script.Respond);
        var environment = Generator(server, "sk-budget");
        environment["BENCHAGENT_GENERATOR_CONCURRENCY"] = "1";
        var item = Item("Text-to-SQL: write the SQL query that answers a question about a small schema", 8);

        var engine = new RecordingBuildEngine();
        Assert.False(NewTask(engine, item, environment, requests: "20").Execute());
        var error = Assert.Single(engine.Errors);
        Assert.Equal("BA0502", error.Code);
        Assert.False(File.Exists(Items));
        int stopped = server.Requests.Count;
        Assert.InRange(stopped, 1, 20);

        var resumed = new RecordingBuildEngine();
        Assert.True(NewTask(resumed, item, environment).Execute(), Output(resumed));
        int resumedRequests = server.Requests.Count - stopped;

        // The same benchmark from nothing, in another project: what an uninterrupted build costs.
        using var other = new TaskProject("ba-llm-fresh-");
        var fresh = new RecordingBuildEngine();
        var freshTask = NewTask(fresh, item, environment);
        freshTask.SnapshotRoot = Path.Combine(other.Root, "Benchmarks");
        freshTask.ProjectFile = Path.Combine(other.Root, "test.csproj");
        Assert.True(freshTask.Execute(), Output(fresh));
        int freshRequests = server.Requests.Count - stopped - resumedRequests;

        Assert.True(resumedRequests < freshRequests, $"resumed {resumedRequests} requests, a fresh build {freshRequests}");
        Assert.Equal(
            File.ReadAllText(Items),
            File.ReadAllText(SnapshotLayout.ItemsPath(Path.Combine(other.Root, "Benchmarks"), "support")));
    }

    [Fact]
    public async Task A_generator_program_killed_mid_generation_resumes_without_repeating_the_calls_of_finished_samples()
    {
        var script = new ScriptedGenerator();
        await using var server = OpenAiWireServer.Start(script.Respond);
        var environment = Generator(server, "sk-killed");
        environment["BENCHAGENT_GENERATOR_CONCURRENCY"] = "1";
        var item = Item("Tool calling: choose the function and its arguments for a user request", 8);

        // The program dies (exit without a result) after journalling 3 items: what a kill mid-generation leaves behind.
        var killed = new RecordingBuildEngine();
        Assert.False(NewTask(killed, item, environment, hooks: new GeneratorTestHooks(ExitAfterItems: 3)).Execute());
        Assert.Equal("BA0541", Assert.Single(killed.Errors).Code);
        Assert.False(File.Exists(Items));
        int beforeResume = server.Requests.Count;

        var resumed = new RecordingBuildEngine();
        Assert.True(NewTask(resumed, item, environment).Execute(), Output(resumed));
        int resumedRequests = server.Requests.Count - beforeResume;

        using var other = new TaskProject("ba-llm-unkilled-");
        var fresh = new RecordingBuildEngine();
        var freshTask = NewTask(fresh, item, environment);
        freshTask.SnapshotRoot = Path.Combine(other.Root, "Benchmarks");
        freshTask.ProjectFile = Path.Combine(other.Root, "test.csproj");
        Assert.True(freshTask.Execute(), Output(fresh));
        int freshRequests = server.Requests.Count - beforeResume - resumedRequests;

        // Resuming skips the finished samples' calls (the plan is served by the response cache of this project).
        Assert.True(resumedRequests < freshRequests, $"resumed {resumedRequests} requests, an uninterrupted build {freshRequests}");
        Assert.Equal(File.ReadAllText(Items), File.ReadAllText(SnapshotLayout.ItemsPath(Path.Combine(other.Root, "Benchmarks"), "support")));
    }
}
