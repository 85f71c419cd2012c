using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Text;
using BenchmarkAgent.Execution;
using BenchmarkAgent.Items;
using BenchmarkAgent.Snapshots;
using BenchmarkAgent.Testing.Baselines;

namespace BenchmarkAgent.Testing.Tests.Sharding;

/// <summary>The exit code and the console output of one run of the fixture test assembly.</summary>
internal sealed record FixtureRun(int ExitCode, string Output)
{
    public TimeSpan Elapsed { get; init; }

    public override string ToString() => $"exit code {ExitCode}\n{(Output.Length > 6000 ? Output[..6000] + "\n..." : Output)}";
}

/// <summary>
/// A private copy of the build output of tests/Fixtures/Sharded.Benchmarks (a benchmark test project as the SDK makes
/// it) with its snapshots written in: <c>sharded</c> (<see cref="Count"/> items, item i asks "What is i?") and
/// <c>tiny</c> (3 items: fewer than shards, so some shards hold none of them). Runs the test assembly as real processes.
/// </summary>
internal sealed class ShardedWorkspace : IDisposable
{
    public const string Model = "shard-model/v1";

    public ShardedWorkspace(int count)
    {
        Count = count;
        Root = Path.Combine(Path.GetTempPath(), "benchagent-shards-" + Guid.NewGuid().ToString("N")[..12]);
        Output = Path.Combine(Root, "bin");
        CopyDirectory(FixtureOutput(), Output);
        Write("sharded", Items(count));
        Write("tiny", Items(3, "tiny"));
    }

    public int Count { get; }

    public string Root { get; }

    /// <summary>The copied output folder holding the test assembly and its snapshots.</summary>
    public string Output { get; }

    /// <summary>
    /// The item ids of both benchmarks. Ids are deliberately unkind: different lengths, upper and lower case, dots,
    /// non-ASCII letters, a space; sorting by id or by number gives different orders.
    /// </summary>
    public static string Id(int i, string prefix = "") => (i % 7) switch
    {
        0 => $"{prefix}item-{i}",
        1 => $"{prefix}Q{i:D5}",
        2 => $"{prefix}ünïcode.{i}",
        3 => $"{prefix}x{i * 7919 % 100003}-{i}",
        4 => $"{prefix}Item {i}",
        5 => $"{prefix}{i}",
        _ => $"{prefix}z.{i:x}",
    };

    /// <summary>The server answers item i wrongly when this holds (one in ten).</summary>
    public static bool AnsweredWrongly(int i) => i % 10 == 3;

    public static List<BenchmarkItem> Items(int count, string prefix = "")
    {
        Difficulty[] levels = [Difficulty.Easy, Difficulty.Medium, Difficulty.Hard];
        return Enumerable.Range(0, count)
            .Select(i => new BenchmarkItem(
                Id(i, prefix),
                $"part{i % 4}",
                levels[i % 3],
                $"What is {i}?",
                [],
                ExpectedAnswer.Number(i),
                new ItemProvenance(new ExternalSource("tests:sharding"), "0000000000000001", i, 0, [], [])))
            .ToList();
    }

    /// <summary>Writes the committed baseline of <c>sharded</c>: item i passed unless <paramref name="failed"/> says so.</summary>
    public void PlantBaseline(Func<int, bool> failed)
    {
        var items = Enumerable.Range(0, Count).Select(i => new BaselineItem(Id(i), !failed(i), failed(i) ? 0 : 1)).ToList();
        BaselineWriter.Write(BaselineLayout.PathFor(Path.Combine(Output, "Benchmarks", "sharded"), Model), new Baseline("sharded", Model, items));
    }

    /// <summary>Runs the test assembly with <paramref name="environment"/> (on top of a clean environment: no model or CI variables leak in).</summary>
    public async Task<FixtureRun> RunAsync(IReadOnlyDictionary<string, string?> environment, CancellationToken cancellationToken, params string[] arguments)
    {
        var clock = Stopwatch.StartNew();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Output,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(Output, "Sharded.Benchmarks.dll"));
        start.ArgumentList.Add("-noColor");
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        foreach (string key in start.Environment.Keys.ToList())
        {
            if (key.StartsWith("BENCHAGENT_", StringComparison.OrdinalIgnoreCase) || key.StartsWith("OPENAI_", StringComparison.OrdinalIgnoreCase)
                || key.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase) || key is "CI" or "GITHUB_STEP_SUMMARY")
            {
                start.Environment.Remove(key);
            }
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var process = new Process { StartInfo = start };
        var output = new StringBuilder();
        var gate = new object();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (gate) { output.AppendLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (gate) { output.AppendLine(e.Data); } } };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(4));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        process.WaitForExit(); // drains the redirected output
        lock (gate)
        {
            return new FixtureRun(process.ExitCode, output.ToString()) { Elapsed = clock.Elapsed };
        }
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }

    private void Write(string benchmark, List<BenchmarkItem> items)
    {
        string folder = Path.Combine(Output, "Benchmarks", benchmark);
        Directory.CreateDirectory(folder);
        File.WriteAllBytes(Path.Combine(folder, SnapshotLayout.ItemsFileName), SnapshotWriter.ItemsBytes(benchmark, items));
    }

    private static string FixtureOutput()
    {
        string path = typeof(ShardedWorkspace).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "BenchmarkAgent.Tests.ShardedBenchmarksOutput").Value!;
        Assert.True(File.Exists(Path.Combine(path, "Sharded.Benchmarks.dll")), $"The fixture project is not built at {path}; build tests/BenchmarkAgent.Testing.Tests (it builds the fixture).");
        return path;
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (string file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            string relative = Path.GetRelativePath(from, file);
            if (relative.StartsWith("Benchmarks", StringComparison.Ordinal) || relative.StartsWith("TestResults", StringComparison.Ordinal))
            {
                continue;
            }

            string target = Path.Combine(to, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    public static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
