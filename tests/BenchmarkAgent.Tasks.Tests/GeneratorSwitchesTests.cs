using System.Diagnostics;
using System.Text.RegularExpressions;
using BenchmarkAgent.GeneratorProtocol;
using BenchmarkAgent.Persistence;
using BenchmarkAgent.Planning;
using BenchmarkAgent.Snapshots;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using Task = System.Threading.Tasks.Task;

namespace BenchmarkAgent.Tasks.Tests;

/// <summary>
/// The project-file switches of the generator (backbone choice and budgets), the backbone in the fingerprint, and a
/// generation stopped mid-way (a killed program, a budget) that resumes to the uninterrupted bytes.
/// </summary>
public sealed partial class GeneratorSwitchesTests : IDisposable
{
    private const string Query = "Multi-step arithmetic word problems and date arithmetic";
    private readonly TaskProject _project = new("ba-switch-");

    public void Dispose() => _project.Dispose();

    private static Dictionary<string, string?> Configured { get; } = new()
    {
        ["BENCHAGENT_GENERATOR_ENDPOINT"] = "http://127.0.0.1:9/v1",
        ["BENCHAGENT_GENERATOR_MODEL"] = "scripted-generator",
    };

    private static TaskItem Item(string name = "arith", string quota = "40", string? generator = null)
    {
        var item = new TaskItem(name);
        item.SetMetadata("Query", Query);
        item.SetMetadata("Quota", quota);
        if (generator is not null)
        {
            item.SetMetadata("Generator", generator);
        }

        return item;
    }

    private GenerateBenchmarks NewTask(
        IBuildEngine engine,
        string generator = "",
        TaskItem? item = null,
        IReadOnlyDictionary<string, string?>? environment = null,
        Func<string, ProcessStartInfo>? start = null,
        GeneratorTestHooks? hooks = null,
        string root = "",
        string requests = "",
        string tokens = "",
        string seconds = "") => new()
    {
        BuildEngine = engine,
        Benchmarks = [item ?? Item()],
        SnapshotRoot = Path.Combine(root.Length > 0 ? root : _project.Root, "Benchmarks"),
        ProjectFile = Path.Combine(root.Length > 0 ? root : _project.Root, "test.csproj"),
        GeneratorPath = TestGenerator.Path,
        Generator = generator,
        MaxGeneratorRequests = requests,
        MaxGeneratorTokens = tokens,
        MaxGenerationSeconds = seconds,
        EnvironmentVariable = name => environment?.GetValueOrDefault(name),
        GeneratorStartInfo = start,
        TestHooks = hooks,
    };

    /// <summary>The real program, with extra environment variables (the task's own environment is not changed).</summary>
    private static Func<string, ProcessStartInfo> RealProgram(IReadOnlyDictionary<string, string?> environment) => requestFile =>
    {
        var start = new ProcessStartInfo("dotnet");
        start.ArgumentList.Add(TestGenerator.Path);
        start.ArgumentList.Add(requestFile);
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        return start;
    };

    private static string Output(RecordingBuildEngine engine) =>
        string.Join("\n", engine.Messages.Select(m => m.Message).Concat(engine.Errors.Select(e => $"{e.Code}: {e.Message}")));

    [Theory]
    [InlineData("online", null)]
    [InlineData(null, "gpt")]
    [InlineData("llm,offline", null)]
    public void An_unknown_generator_choice_is_BA0540_and_writes_nothing(string? property, string? metadata)
    {
        var engine = new RecordingBuildEngine();

        var task = NewTask(engine, generator: property ?? string.Empty, item: Item(generator: metadata));
        Assert.False(task.Execute());

        var error = Assert.Single(engine.Errors);
        Assert.Equal("BA0540", error.Code);
        Assert.Contains($"'{property ?? metadata}'", error.Message);
        Assert.Contains("auto, offline or llm", error.Message);
        Assert.Equal(0, task.GeneratorStarts);
        Assert.Empty(_project.FilesWritten());
    }

    [Theory]
    [InlineData("0", "", "", "BA0545")]
    [InlineData("ten", "", "", "BA0545")]
    [InlineData("", "-5", "", "BA0546")]
    [InlineData("", "1.5", "", "BA0546")]
    [InlineData("", "", "0", "BA0547")]
    [InlineData("", "", "604801", "BA0547")]
    [InlineData("", "", "1h", "BA0547")]
    public void An_invalid_budget_is_its_BA_error_and_writes_nothing(string requests, string tokens, string seconds, string code)
    {
        var engine = new RecordingBuildEngine();

        Assert.False(NewTask(engine, requests: requests, tokens: tokens, seconds: seconds).Execute());

        var error = Assert.Single(engine.Errors);
        Assert.Equal(code, error.Code);
        Assert.Contains($"'{requests}{tokens}{seconds}'", error.Message);
        Assert.Empty(_project.FilesWritten());
    }

    [Fact]
    public void Budgets_and_the_per_item_choice_reach_the_request_file()
    {
        string copy = Path.Combine(_project.Root, "request-copy.json");
        var engine = new RecordingBuildEngine();
        var task = NewTask(engine, generator: "llm", item: Item(generator: "Offline"), requests: "500", tokens: "2000000", seconds: "1800",
            start: requestFile =>
            {
                var start = new ProcessStartInfo("/bin/sh");
                start.ArgumentList.Add("-c");
                start.ArgumentList.Add($"cp \"$0\" '{copy}'; echo '{{\"type\":\"result\",\"generated\":[]}}'");
                start.ArgumentList.Add(requestFile);
                return start;
            });

        Assert.True(task.Execute(), Output(engine));

        var request = GeneratorProtocolJson.DeserializeRequest(File.ReadAllText(copy));
        Assert.Equal(new GeneratorBudget(500, 2_000_000, 1800), request.Budget);
        Assert.Equal("offline", Assert.Single(request.Benchmarks).Backbone);
    }

    [Fact]
    public void Llm_without_a_configured_generator_is_BA0544_naming_the_variables_and_starts_no_program()
    {
        var engine = new RecordingBuildEngine();
        var task = NewTask(engine, generator: "llm");

        Assert.False(task.Execute());

        var error = Assert.Single(engine.Errors);
        Assert.Equal("BA0544", error.Code);
        Assert.Contains("BENCHAGENT_GENERATOR_ENDPOINT", error.Message);
        Assert.Contains("BENCHAGENT_GENERATOR_MODEL", error.Message);
        Assert.Equal(0, task.GeneratorStarts);
        Assert.Empty(_project.FilesWritten());
    }

    [Fact]
    public void Llm_with_a_configured_generator_reaches_the_selector_and_the_key_stays_out_of_the_output()
    {
        string secret = "sk-switch-" + Guid.NewGuid().ToString("N");
        var environment = new Dictionary<string, string?>(Configured) { ["BENCHAGENT_GENERATOR_API_KEY"] = secret };
        var engine = new RecordingBuildEngine();

        // The program builds the LLM backbone from the role (no BA0544); its endpoint refuses connections: BA0500.
        var task = NewTask(engine, generator: "auto", environment: environment, start: RealProgram(environment));
        Assert.False(task.Execute());

        var error = Assert.Single(engine.Errors);
        Assert.Equal("BA0500", error.Code);
        Assert.DoesNotContain(secret, Output(engine));
        Assert.Equal(1, task.GeneratorStarts);
    }

    [Fact]
    public void The_offline_backbone_keeps_the_fingerprint_bytes_and_the_llm_backbone_changes_them()
    {
        var request = new BenchmarkRequest("arith", Query, 40, 7);
        string before = InputFingerprint.Compute(request);

        Assert.Equal(before, InputFingerprint.Compute(request, backbone: "offline"));
        Assert.NotEqual(before, InputFingerprint.Compute(request, backbone: "llm;prompts=0123456789abcdef"));
        Assert.NotEqual(
            InputFingerprint.Compute(request, backbone: "llm;prompts=0123456789abcdef"),
            InputFingerprint.Compute(request, backbone: "llm;prompts=fedcba9876543210"));
    }

    [Fact]
    public void A_change_of_backbone_makes_the_snapshot_stale_and_auto_without_a_generator_keeps_an_llm_snapshot()
    {
        Assert.True(NewTask(new RecordingBuildEngine(), generator: "offline").Execute());

        // offline -> llm (configured): stale, so the program starts (and says it has no LLM backbone yet).
        var toLlm = NewTask(new RecordingBuildEngine(), generator: "llm", environment: Configured, start: RealProgram(Configured));
        Assert.False(toLlm.Execute());
        Assert.Equal(1, toLlm.GeneratorStarts);

        // A snapshot the LLM backbone made (its fingerprint names it): fresh for llm and for auto without a generator
        // (a teammate or CI without a key keeps it), stale for an explicit offline.
        string plan = SnapshotLayout.PlanPath(_project.SnapshotRoot, "arith");
        string offline = SnapshotReader.ReadFingerprint(plan)!;
        string llm = InputFingerprint.Compute(new BenchmarkRequest("arith", Query, 40), backbone: "llm;prompts=" + StableHash.Sha256(File.ReadAllText(Path.ChangeExtension(TestGenerator.Path, ".prompts.sha256")).Trim())[..16]);
        File.WriteAllText(plan, File.ReadAllText(plan).Replace(offline, llm, StringComparison.Ordinal));

        foreach (var (generator, environment) in new[] { ("llm", Configured), ("auto", Configured), ("auto", new Dictionary<string, string?>()), ("llm", new Dictionary<string, string?>()) })
        {
            var engine = new RecordingBuildEngine();
            var task = NewTask(engine, generator: generator, environment: environment, start: RealProgram(environment));
            Assert.True(task.Execute(), $"{generator} {environment.Count}: {Output(engine)}");
            Assert.Equal(0, task.GeneratorStarts);
            Assert.Contains(engine.Messages, m => m.Message == "BenchmarkAgent: 'arith' is up to date.");
        }

        var backToOffline = NewTask(new RecordingBuildEngine(), generator: "offline");
        Assert.True(backToOffline.Execute());
        Assert.Equal(1, backToOffline.GeneratorStarts);
        Assert.Equal(offline, SnapshotReader.ReadFingerprint(plan));
    }

    [Fact]
    public void A_wall_time_budget_stops_generation_with_BA0502_keeps_the_finished_items_and_a_rebuild_resumes_to_the_same_bytes()
    {
        using var reference = new TaskProject("ba-switch-ref-");
        Assert.True(NewTask(new RecordingBuildEngine(), root: reference.Root).Execute());

        var stopped = new RecordingBuildEngine();
        Assert.False(NewTask(stopped, seconds: "1", hooks: new GeneratorTestHooks(ItemDelayMilliseconds: 100)).Execute());

        var error = Assert.Single(stopped.Errors);
        Assert.Equal("BA0502", error.Code);
        Assert.Contains("BenchmarkAgentMaxGenerationSeconds", error.Message);
        Assert.False(File.Exists(SnapshotLayout.PlanPath(_project.SnapshotRoot, "arith")));
        int kept = File.ReadAllLines(GenerationJournal.PathFor(Path.Combine(_project.Root, "obj"), "arith")).Length - 1;
        Assert.InRange(kept, 1, 39);

        var resumed = new RecordingBuildEngine();
        Assert.True(NewTask(resumed).Execute(), Output(resumed));
        Assert.Contains(resumed.Messages, m => m.Message!.Contains($"({kept} items resumed from an interrupted run)", StringComparison.Ordinal));
        AssertSameSnapshot(reference.SnapshotRoot);
    }

    [Fact]
    public async Task A_generator_program_killed_mid_generation_fails_the_build_with_BA0541_and_the_next_build_resumes_to_the_same_bytes()
    {
        using var reference = new TaskProject("ba-switch-ref-");
        Assert.True(NewTask(new RecordingBuildEngine(), root: reference.Root).Execute());
        string pidFile = Path.Combine(_project.Root, "generator.pid");
        string journal = GenerationJournal.PathFor(Path.Combine(_project.Root, "obj"), "arith");

        // The wrapper records the program's process id, then becomes the program (exec keeps the id).
        var killed = new RecordingBuildEngine();
        var task = NewTask(killed, hooks: new GeneratorTestHooks(ItemDelayMilliseconds: 50), start: requestFile =>
        {
            var start = new ProcessStartInfo("/bin/sh");
            start.ArgumentList.Add("-c");
            start.ArgumentList.Add($"echo $$ > '{pidFile}'; exec dotnet '{TestGenerator.Path}' \"$0\"");
            start.ArgumentList.Add(requestFile);
            return start;
        });
        var build = Task.Run(task.Execute, TestContext.Current.CancellationToken);
        var clock = Stopwatch.StartNew();
        while (JournalRecords(journal) < 10)
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), "the program never journalled 10 items");
            await Task.Delay(5, TestContext.Current.CancellationToken);
        }

        using (var program = Process.GetProcessById(int.Parse(File.ReadAllText(pidFile).Trim(), System.Globalization.CultureInfo.InvariantCulture)))
        {
            program.Kill();
        }

        Assert.False(await build);
        var error = Assert.Single(killed.Errors);
        Assert.Equal("BA0541", error.Code);
        Assert.Matches(ExitCode(), error.Message);
        int kept = JournalRecords(journal);

        var resumed = new RecordingBuildEngine();
        Assert.True(NewTask(resumed).Execute(), Output(resumed));
        Assert.Contains(resumed.Messages, m => m.Message!.Contains($"({kept} items resumed from an interrupted run)", StringComparison.Ordinal));
        AssertSameSnapshot(reference.SnapshotRoot);
    }

    private void AssertSameSnapshot(string referenceRoot)
    {
        foreach (string file in new[] { SnapshotLayout.PlanFileName, SnapshotLayout.ItemsFileName })
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(referenceRoot, "arith", file)), File.ReadAllBytes(Path.Combine(_project.SnapshotRoot, "arith", file)));
        }

        Assert.False(File.Exists(GenerationJournal.PathFor(Path.Combine(_project.Root, "obj"), "arith")));
    }

    private static int JournalRecords(string path)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(stream);
            return Math.Max(0, reader.ReadToEnd().Count(c => c == '\n') - 1);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return 0;
        }
    }

    [GeneratedRegex(@"exited with code (137|-1|9) ")]
    private static partial Regex ExitCode();
}
