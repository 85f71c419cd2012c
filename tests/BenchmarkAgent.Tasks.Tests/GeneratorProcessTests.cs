using System.Diagnostics;
using BenchmarkAgent.GeneratorProtocol;
using BenchmarkAgent.Persistence;
using BenchmarkAgent.Snapshots;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using Task = System.Threading.Tasks.Task;

namespace BenchmarkAgent.Tasks.Tests;

/// <summary>
/// The process boundary between the task and the generator program: what a stale benchmark starts, what a fresh or
/// locked one does not, and how the task reads the program's output: protocol lines, malformed lines, a crash, secrets.
/// Fake programs are shell scripts started through the task's start-info seam; the real program is the built one.
/// </summary>
public sealed class GeneratorProcessTests : IDisposable
{
    private readonly TaskProject _project = new("ba-proc-");

    public void Dispose() => _project.Dispose();

    private static TaskItem Item(string name = "arith", string quota = "40")
    {
        var item = new TaskItem(name);
        item.SetMetadata("Query", "Multi-step arithmetic word problems and date arithmetic");
        item.SetMetadata("Quota", quota);
        return item;
    }

    private GenerateBenchmarks NewTask(IBuildEngine engine, Func<string, ProcessStartInfo>? start = null, GeneratorTestHooks? hooks = null, string? generatorPath = null, bool locked = false) => new()
    {
        BuildEngine = engine,
        Benchmarks = [Item()],
        SnapshotRoot = _project.SnapshotRoot,
        ProjectFile = Path.Combine(_project.Root, "test.csproj"),
        GeneratorPath = generatorPath ?? TestGenerator.Path,
        GeneratorStartInfo = start,
        TestHooks = hooks,
        Locked = locked,
    };

    /// <summary>A fake generator program: a POSIX shell script (the request file is its first argument, $0).</summary>
    private static Func<string, ProcessStartInfo> Script(string script) => requestFile =>
    {
        var start = new ProcessStartInfo("/bin/sh");
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(script);
        start.ArgumentList.Add(requestFile);
        return start;
    };

    private static string Messages(RecordingBuildEngine engine) =>
        string.Join("\n", engine.Messages.Select(m => m.Message).Concat(engine.Errors.Select(e => $"{e.Code}: {e.Message}")).Concat(engine.Warnings.Select(w => $"{w.Code}: {w.Message}")));

    [Fact]
    public void A_stale_benchmark_starts_the_program_once_and_a_fresh_one_starts_none_even_without_a_program()
    {
        var first = new RecordingBuildEngine();
        var generate = NewTask(first);
        Assert.True(generate.Execute(), Messages(first));
        Assert.Equal(1, generate.GeneratorStarts);
        Assert.Equal(["arith"], generate.Generated.Select(i => i.ItemSpec));
        Assert.Contains(first.Messages, m => m.Importance == MessageImportance.High && m.Message!.StartsWith("BenchmarkAgent: generated 'arith': 40 items", StringComparison.Ordinal));

        // A program path that does not exist proves the fresh build needs no program at all.
        var second = new RecordingBuildEngine();
        var fresh = NewTask(second, generatorPath: Path.Combine(_project.Root, "missing", "BenchmarkAgent.Generator.dll"));
        Assert.True(fresh.Execute(), Messages(second));
        Assert.Equal(0, fresh.GeneratorStarts);
        Assert.Empty(fresh.Generated);
        Assert.Contains(second.Messages, m => m.Message == "BenchmarkAgent: 'arith' is up to date.");
    }

    [Fact]
    public void A_locked_build_never_starts_the_program()
    {
        var engine = new RecordingBuildEngine();
        var task = NewTask(engine, start: Script("echo started >&2; exit 9"), locked: true);

        Assert.False(task.Execute());

        Assert.Equal(0, task.GeneratorStarts);
        Assert.Equal("BA0101", Assert.Single(engine.Errors).Code);
        Assert.Empty(_project.FilesWritten());
    }

    [Fact]
    public void A_missing_program_is_BA0543_naming_its_path()
    {
        var engine = new RecordingBuildEngine();
        string missing = Path.Combine(_project.Root, "nowhere", "BenchmarkAgent.Generator.dll");

        Assert.False(NewTask(engine, generatorPath: missing).Execute());

        var error = Assert.Single(engine.Errors);
        Assert.Equal("BA0543", error.Code);
        Assert.Contains(missing, error.Message);
        Assert.Contains("BenchmarkAgentGeneratorPath", error.Message);
        Assert.Empty(_project.FilesWritten());
    }

    [Fact]
    public void Progress_lines_arrive_for_every_accepted_item_in_order_before_the_result()
    {
        var engine = new RecordingBuildEngine();

        Assert.True(NewTask(engine).Execute(), Messages(engine));

        var progress = engine.Messages.Where(m => m.Message!.StartsWith("BenchmarkAgent: 'arith' generate ", StringComparison.Ordinal)).ToList();
        Assert.Equal(Enumerable.Range(1, 40).Select(i => $"BenchmarkAgent: 'arith' generate {i}/40"), progress.Select(m => m.Message));
        Assert.All(progress, m => Assert.Equal(MessageImportance.Low, m.Importance));
        int lastProgress = engine.Messages.IndexOf(progress[^1]);
        int generated = engine.Messages.FindIndex(m => m.Message!.StartsWith("BenchmarkAgent: generated 'arith'", StringComparison.Ordinal));
        Assert.True(lastProgress < generated);
    }

    [Fact]
    public void Protocol_lines_become_messages_warnings_and_errors_with_their_codes_files_and_lines()
    {
        string file = Path.Combine(_project.Root, "Benchmarks", "arith", "items.json");
        var engine = new RecordingBuildEngine();
        string script = $$"""
            echo '{"type":"message","importance":"high","text":"hello {0} from the program"}'
            echo '{"type":"warning","code":"BA0302","text":"a weak match"}'
            echo '{"type":"error","code":"BA0201","text":"bad item","file":"{{file}}","line":7}'
            echo '{"type":"result","generated":[]}'
            exit 1
            """;

        Assert.False(NewTask(engine, start: Script(script)).Execute());

        Assert.Contains(engine.Messages, m => m.Message == "hello {0} from the program" && m.Importance == MessageImportance.High);
        var warning = Assert.Single(engine.Warnings);
        Assert.Equal(("BA0302", "a weak match"), (warning.Code, warning.Message));
        Assert.EndsWith("test.csproj", warning.File);
        var error = Assert.Single(engine.Errors);
        Assert.Equal(("BA0201", "bad item", file, 7), (error.Code, error.Message, error.File, error.LineNumber));
    }

    [Theory]
    [InlineData("echo 'this is not json'")]
    [InlineData("echo '{\"type\":\"shout\",\"text\":\"x\"}'")]
    [InlineData("echo '{\"type\":\"error\",\"text\":\"no code\"}'")]
    [InlineData("echo '{\"type\":\"message\",\"text\":\"cut off'")]
    [InlineData("echo '[1,2,3]'")]
    public void A_line_that_is_not_a_protocol_line_is_BA0542_even_when_the_program_succeeds(string bad)
    {
        var engine = new RecordingBuildEngine();

        Assert.False(NewTask(engine, start: Script(bad + "\necho '{\"type\":\"result\",\"generated\":[\"arith\"]}'")).Execute());

        var error = Assert.Single(engine.Errors);
        Assert.Equal("BA0542", error.Code);
        Assert.Contains("1 line(s)", error.Message);
    }

    [Fact]
    public void A_crash_without_an_error_line_is_BA0541_with_the_exit_code_and_the_last_standard_error_lines()
    {
        var engine = new RecordingBuildEngine();
        string script = """
            for i in $(seq 1 30); do echo "noise line $i" >&2; done
            echo 'Unhandled exception. System.InvalidOperationException: the planner fell over' >&2
            exit 3
            """;

        Assert.False(NewTask(engine, start: Script(script)).Execute());

        var error = Assert.Single(engine.Errors);
        Assert.Equal("BA0541", error.Code);
        Assert.Contains("exited with code 3", error.Message);
        Assert.Contains("the planner fell over", error.Message);
        Assert.Contains("noise line 30", error.Message);
        Assert.DoesNotContain("noise line 5\n", error.Message + "\n"); // only the last lines are kept
        Assert.Empty(_project.FilesWritten());
    }

    [Fact]
    public void A_program_that_ends_without_a_result_is_BA0551()
    {
        var engine = new RecordingBuildEngine();

        Assert.False(NewTask(engine, start: Script("echo '{\"type\":\"message\",\"text\":\"working\"}'; exit 0")).Execute());

        Assert.Equal("BA0551", Assert.Single(engine.Errors).Code);
    }

    [Fact]
    public void Values_of_API_key_variables_never_reach_the_build_output()
    {
        const string Variable = "BA_PROC_TEST_API_KEY";
        string secret = "sk-proc-" + Guid.NewGuid().ToString("N");
        Environment.SetEnvironmentVariable(Variable, secret);
        try
        {
            var engine = new RecordingBuildEngine();
            // The program inherits the environment, so a careless one could echo the key anywhere.
            string script = $$"""
                echo "{\"type\":\"message\",\"text\":\"key is $BA_PROC_TEST_API_KEY\"}"
                echo "{\"type\":\"warning\",\"code\":\"BA0302\",\"text\":\"warn $BA_PROC_TEST_API_KEY\"}"
                echo "malformed $BA_PROC_TEST_API_KEY"
                echo "stderr $BA_PROC_TEST_API_KEY" >&2
                exit 5
                """;

            Assert.False(NewTask(engine, start: Script(script)).Execute());

            string output = Messages(engine);
            Assert.DoesNotContain(secret, output);
            Assert.Contains("key is ***", output);
            Assert.Contains("warn ***", output);
            Assert.Contains("malformed ***", output);
            Assert.Contains("stderr ***", output);
        }
        finally
        {
            Environment.SetEnvironmentVariable(Variable, null);
        }
    }

    [Fact]
    public void The_request_file_holds_the_work_but_no_key_and_is_removed_after_the_run()
    {
        const string Variable = "BENCHAGENT_GENERATOR_API_KEY";
        string secret = "sk-req-" + Guid.NewGuid().ToString("N");
        var engine = new RecordingBuildEngine();
        string copy = Path.Combine(_project.Root, "request-copy.json");
        var task = NewTask(engine, start: requestFile =>
        {
            var start = Script($"cp \"$0\" '{copy}'; echo '{{\"type\":\"result\",\"generated\":[]}}'")(requestFile);
            start.Environment[Variable] = secret;
            return start;
        });

        Assert.True(task.Execute(), Messages(engine));

        string json = File.ReadAllText(copy);
        var request = GeneratorProtocolJson.DeserializeRequest(json);
        var benchmark = Assert.Single(request.Benchmarks);
        Assert.Equal(("arith", 40, "offline"), (benchmark.Name, benchmark.Quota, benchmark.Backbone));
        Assert.Equal(_project.SnapshotRoot, request.SnapshotRoot);
        Assert.StartsWith("sha256:", benchmark.Fingerprint);
        Assert.DoesNotContain(secret, json);
        Assert.DoesNotContain("API_KEY", json, StringComparison.OrdinalIgnoreCase);
        Assert.False(File.Exists(Path.Combine(_project.Root, "obj", "benchagent", "generator-request.json")));
    }

    [Fact]
    public async Task Cancelling_the_task_kills_the_program_and_keeps_the_journal_for_the_next_build()
    {
        string journal = GenerationJournal.PathFor(Path.Combine(_project.Root, "obj"), "arith");
        var task = NewTask(new RecordingBuildEngine(), hooks: new GeneratorTestHooks(ItemDelayMilliseconds: 100));
        var build = Task.Run(task.Execute, TestContext.Current.CancellationToken);
        var clock = Stopwatch.StartNew();
        while (!File.Exists(journal) || File.ReadAllLines(journal).Length < 3)
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), "the program never journalled 2 items");
            await Task.Delay(5, TestContext.Current.CancellationToken);
        }

        task.Cancel(); // what MSBuild does on Ctrl+C
        clock.Restart();
        await build;

        // 40 items at 100 ms each would take 4 s more: the program was stopped, not waited for.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3), $"{clock.Elapsed} after Cancel");
        Assert.Empty(task.Generated);
        Assert.False(File.Exists(SnapshotLayout.PlanPath(_project.SnapshotRoot, "arith")));
        Assert.InRange(File.ReadAllLines(journal).Length - 1, 2, 39);
    }

    [Fact]
    public async Task The_program_stops_when_its_standard_input_closes_and_keeps_the_journal()
    {
        string obj = Path.Combine(_project.Root, "obj");
        var request = new GeneratorRequest(
            [new GeneratorBenchmark("arith", "Multi-step arithmetic word problems", 40, 0, null, [], "sha256:test", "offline")],
            _project.SnapshotRoot, obj, Path.Combine(_project.Root, "test.csproj"))
        {
            TestHooks = new GeneratorTestHooks(ItemDelayMilliseconds: 200),
        };
        Directory.CreateDirectory(obj);
        string requestFile = Path.Combine(obj, "request.json");
        File.WriteAllText(requestFile, GeneratorProtocolJson.Serialize(request));
        var start = new ProcessStartInfo("dotnet") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(TestGenerator.Path);
        start.ArgumentList.Add(requestFile);
        using var process = Process.Start(start)!;
        var cancellation = TestContext.Current.CancellationToken;

        // Wait for the first accepted item (a signal, not a sleep), then close standard input as a dying build would.
        string? line;
        while ((line = await process.StandardOutput.ReadLineAsync(cancellation)) is not null && !line.Contains("\"progress\"", StringComparison.Ordinal))
        {
        }

        Assert.NotNull(line);
        process.StandardInput.Close();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        await process.WaitForExitAsync(timeout.Token);

        Assert.Equal(130, process.ExitCode);
        Assert.False(File.Exists(SnapshotLayout.PlanPath(_project.SnapshotRoot, "arith")));
        int records = File.ReadAllLines(GenerationJournal.PathFor(obj, "arith")).Length - 1;
        Assert.InRange(records, 1, 39);
    }
}
