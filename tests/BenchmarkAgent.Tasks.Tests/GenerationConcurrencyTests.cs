using System.Collections;
using BenchmarkAgent.GeneratorProtocol;
using BenchmarkAgent.Persistence;
using BenchmarkAgent.Snapshots;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using Task = System.Threading.Tasks.Task;

namespace BenchmarkAgent.Tasks.Tests;

/// <summary>The generation lock and the resume journal, through the task in this process.</summary>
public sealed class GenerationConcurrencyTests : IDisposable
{
    private readonly TaskProject _project = new("ba-lock-");

    public void Dispose() => _project.Dispose();

    private string Obj => Path.Combine(_project.Root, "obj");

    private string LockPath => GenerationLock.PathFor(Obj);

    private static TaskItem Item(string name = "arith", string quota = "40")
    {
        var item = new TaskItem(name);
        item.SetMetadata("Query", "Multi-step arithmetic word problems and date arithmetic");
        item.SetMetadata("Quota", quota);
        return item;
    }

    private GenerateBenchmarks NewTask(IBuildEngine engine, string lockTimeout = "0", GeneratorTestHooks? hooks = null, string? root = null) => new()
    {
        GeneratorPath = TestGenerator.Path,
        TestHooks = hooks,
        BuildEngine = engine,
        Benchmarks = [Item()],
        SnapshotRoot = Path.Combine(root ?? _project.Root, "Benchmarks"),
        ProjectFile = Path.Combine(root ?? _project.Root, "test.csproj"),
        LockTimeoutSeconds = lockTimeout,
    };

    private static bool Generated(RecordingBuildEngine engine) =>
        engine.Messages.Any(m => m.Message!.Contains("BenchmarkAgent: generated 'arith'", StringComparison.Ordinal));

    [Fact]
    public void While_another_build_holds_the_lock_a_stale_benchmark_fails_with_BA0250_and_writes_nothing()
    {
        using var other = GenerationLock.Acquire(LockPath, TimeSpan.Zero, cancellationToken: TestContext.Current.CancellationToken);
        var engine = new RecordingBuildEngine();

        bool ok = NewTask(engine, lockTimeout: "0").Execute();

        Assert.False(ok);
        var error = Assert.Single(engine.Errors);
        Assert.Equal("BA0250", error.Code);
        Assert.Contains(LockPath, error.Message);
        Assert.Contains("BenchmarkAgentLockTimeoutSeconds", error.Message);
        Assert.Empty(_project.FilesWritten());
    }

    [Fact]
    public void A_fresh_snapshot_needs_no_lock()
    {
        Assert.True(NewTask(new RecordingBuildEngine()).Execute());
        using var other = GenerationLock.Acquire(LockPath, TimeSpan.Zero, cancellationToken: TestContext.Current.CancellationToken);
        var engine = new RecordingBuildEngine();

        Assert.True(NewTask(engine, lockTimeout: "0").Execute());
        Assert.Empty(engine.Errors);
        Assert.Contains(engine.Messages, m => m.Message!.Contains("'arith' is up to date.", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("-1")]
    [InlineData("1.5")]
    [InlineData("86401")]
    [InlineData("")]
    public void An_invalid_lock_timeout_is_BA0251_and_writes_nothing(string timeout)
    {
        var engine = new RecordingBuildEngine();

        Assert.False(NewTask(engine, lockTimeout: timeout).Execute());

        var error = Assert.Single(engine.Errors);
        Assert.Equal("BA0251", error.Code);
        Assert.Contains($"'{timeout}'", error.Message);
        Assert.Empty(_project.FilesWritten());
    }

    [Fact]
    public void An_obj_folder_that_cannot_be_created_is_BA0252()
    {
        File.WriteAllText(Obj, "a file where obj/ should be");
        var engine = new RecordingBuildEngine();

        Assert.False(NewTask(engine).Execute());

        var error = Assert.Single(engine.Errors);
        Assert.Equal("BA0252", error.Code);
        Assert.Contains("obj/", error.Message);
        Assert.Empty(_project.FilesWritten());
    }

    [Fact]
    public async Task A_build_that_waited_for_the_lock_finds_the_snapshot_the_other_build_wrote_and_does_not_generate()
    {
        var other = GenerationLock.Acquire(LockPath, TimeSpan.Zero, cancellationToken: TestContext.Current.CancellationToken);
        Assert.NotNull(other);
        var engine = new SignallingBuildEngine("waiting for another build");
        var waiting = Task.Run(() => NewTask(engine, lockTimeout: "120").Execute(), TestContext.Current.CancellationToken);
        await engine.Signalled.WaitAsync(TestContext.Current.CancellationToken);

        // The "other build" generates while this one waits, then releases the lock.
        CopyReferenceSnapshot();
        other.Dispose();
        bool ok = await waiting;

        Assert.True(ok);
        Assert.Empty(engine.Errors);
        Assert.Contains(engine.Messages, m => m.Contains("'arith' is up to date: another build generated it first.", StringComparison.Ordinal));
        Assert.DoesNotContain(engine.Messages, m => m.Contains("generated 'arith'", StringComparison.Ordinal));
    }

    /// <summary>Writes the snapshot the way the lock holder would (the test holds the lock, so it cannot run the task).</summary>
    private void CopyReferenceSnapshot()
    {
        using var reference = new TaskProject("ba-lock-ref-");
        Assert.True(NewTask(new RecordingBuildEngine(), root: reference.Root).Execute());
        Directory.CreateDirectory(Path.Combine(_project.SnapshotRoot, "arith"));
        foreach (string file in Directory.GetFiles(Path.Combine(reference.SnapshotRoot, "arith")))
        {
            File.Copy(file, Path.Combine(_project.SnapshotRoot, "arith", Path.GetFileName(file)));
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(23)]
    [InlineData(39)]
    public void An_interrupted_generation_resumes_from_its_journal_and_writes_the_uninterrupted_bytes(int interruptAfter)
    {
        using var reference = new TaskProject("ba-lock-ref-");
        Assert.True(NewTask(new RecordingBuildEngine(), root: reference.Root).Execute());
        // The generator program dies after some accepted items (no error line): the journal keeps them, no snapshot exists yet.
        var crashed = new RecordingBuildEngine();
        Assert.False(NewTask(crashed, hooks: new GeneratorTestHooks(ExitAfterItems: interruptAfter)).Execute());
        var error = Assert.Single(crashed.Errors);
        Assert.Equal("BA0541", error.Code);
        Assert.Contains("exited with code 134", error.Message);
        Assert.Contains($"test hook: exiting after {interruptAfter} items", error.Message);
        string journalPath = GenerationJournal.PathFor(Obj, "arith");
        Assert.Equal(interruptAfter + 1, File.ReadAllLines(journalPath).Length);
        Assert.Empty(_project.FilesWritten());
        var engine = new RecordingBuildEngine();

        Assert.True(NewTask(engine).Execute());

        foreach (string file in new[] { SnapshotLayout.PlanFileName, SnapshotLayout.ItemsFileName })
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(reference.SnapshotRoot, "arith", file)), File.ReadAllBytes(Path.Combine(_project.SnapshotRoot, "arith", file)));
        }

        Assert.Contains(engine.Messages, m => m.Message!.Contains($"generated 'arith': 40 items", StringComparison.Ordinal) && m.Message.Contains($"({interruptAfter} items resumed from an interrupted run)", StringComparison.Ordinal));
        Assert.False(File.Exists(journalPath));
    }

    [Fact]
    public void Generation_removes_temporary_files_a_killed_generation_left_and_deletes_its_journal()
    {
        string folder = Path.Combine(_project.SnapshotRoot, "arith");
        Directory.CreateDirectory(folder);
        string leftover = Path.Combine(folder, "items.json.4242.0123456789abcdef0123456789abcdef.tmp");
        File.WriteAllText(leftover, "{ \"schema\": \"benchagent/items@1\", \"items\": [");
        var engine = new RecordingBuildEngine();

        Assert.True(NewTask(engine).Execute());

        Assert.True(Generated(engine));
        Assert.False(File.Exists(leftover));
        Assert.Equal([SnapshotLayout.ItemsFileName, SnapshotLayout.PlanFileName], Directory.GetFiles(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.False(File.Exists(GenerationJournal.PathFor(Obj, "arith")));
    }

    /// <summary>A thread-safe build engine that signals when a message containing a text is logged.</summary>
    private sealed class SignallingBuildEngine(string text) : IBuildEngine
    {
        private readonly TaskCompletionSource _signalled = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly List<string> _messages = [];
        private readonly List<BuildErrorEventArgs> _errors = [];

        public Task Signalled => _signalled.Task;

        public IReadOnlyList<string> Messages { get { lock (_messages) return [.. _messages]; } }

        public IReadOnlyList<BuildErrorEventArgs> Errors { get { lock (_errors) return [.. _errors]; } }

        public bool ContinueOnError => false;

        public int LineNumberOfTaskNode => 0;

        public int ColumnNumberOfTaskNode => 0;

        public string ProjectFileOfTaskNode => "test.csproj";

        public bool BuildProjectFile(string projectFileName, string[] targetNames, IDictionary globalProperties, IDictionary targetOutputs) => throw new InvalidOperationException("not supported");

        public void LogCustomEvent(CustomBuildEventArgs e)
        {
        }

        public void LogErrorEvent(BuildErrorEventArgs e)
        {
            lock (_errors) _errors.Add(e);
        }

        public void LogMessageEvent(BuildMessageEventArgs e)
        {
            lock (_messages) _messages.Add(e.Message ?? string.Empty);
            if (e.Message?.Contains(text, StringComparison.Ordinal) == true)
            {
                _signalled.TrySetResult();
            }
        }

        public void LogWarningEvent(BuildWarningEventArgs e)
        {
        }
    }
}
