using System.Diagnostics;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using BenchmarkAgent.Persistence;
using BenchmarkAgent.Snapshots;

namespace BenchmarkAgent.Tasks.Tests;

/// <summary>
/// Kills a real generator process at random points 20 times, then lets it finish: the snapshot must be byte-identical
/// to an uninterrupted run's, built from the journal, and no half-written snapshot file may ever be visible.
/// </summary>
/// <remarks>
/// The generator process is BenchmarkAgent.Tasks.TestHost, a small console host that executes the real
/// <see cref="GenerateBenchmarks"/> task (lock, journal, executor, atomic writes) with a minimal build engine. A real
/// <c>dotnet build</c> per run would exercise the same task code but costs seconds of MSBuild start-up and evaluation per
/// run on a 2-core machine (21 runs would not fit in a minute), and its kill points would mostly land in MSBuild rather
/// than in generation. The host slows generation down with a per-item delay through the task's journal (an internal
/// seam only the host uses), and the test kills it when the journal on disk has reached a random number of items, plus
/// a random fraction of an item: so kills land in start-up, between items, and while a record is being appended.
/// </remarks>
public sealed partial class InterruptedGenerationTests : IDisposable
{
    private const string Benchmark = "arith";
    private const string Query = "Multi-step arithmetic word problems and date arithmetic";
    private const int Quota = 120;
    private const int DelayMs = 12;
    private const int Kills = 20;

    private static readonly TimeSpan RunTimeout = TimeSpan.FromSeconds(60);

    private readonly string _root = Path.Combine(Path.GetTempPath(), "ba-kill-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private static string HostPath() =>
        typeof(InterruptedGenerationTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "BenchmarkAgent.Tasks.TestHost").Value!;

    [Fact]
    public async Task Killed_twenty_times_at_random_points_generation_resumes_to_the_uninterrupted_bytes_and_never_shows_a_partial_file()
    {
        var cancellation = TestContext.Current.CancellationToken;
        string reference = Path.Combine(_root, "reference");
        string project = Path.Combine(_root, "interrupted");
        var uninterrupted = await RunToEndAsync(reference, delayMs: 0, cancellation);
        Assert.True(uninterrupted.ExitCode == 0, uninterrupted.Output);
        var expected = new Dictionary<string, byte[]>
        {
            [SnapshotLayout.PlanFileName] = File.ReadAllBytes(SnapshotLayout.PlanPath(Path.Combine(reference, "Benchmarks"), Benchmark)),
            [SnapshotLayout.ItemsFileName] = File.ReadAllBytes(SnapshotLayout.ItemsPath(Path.Combine(reference, "Benchmarks"), Benchmark)),
        };

        int seed = Random.Shared.Next();
        var random = new Random(seed);
        string context = $"(random seed {seed})";
        // Kill points: how many items the journal must hold before the kill, ascending. The last third is never a kill
        // point: a busy machine reacts late, and a run must not finish before its kill lands.
        int[] killAt = Enumerable.Range(0, Kills).Select(_ => random.Next(0, Quota * 2 / 3)).Order().ToArray();
        string snapshotFolder = SnapshotLayout.BenchmarkDirectory(Path.Combine(project, "Benchmarks"), Benchmark);
        string journal = GenerationJournal.PathFor(Path.Combine(project, "obj"), Benchmark);
        using var stopWatching = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        var watcher = Task.Run(() => Watch(snapshotFolder, expected, stopWatching.Token), cancellation);

        var journalled = new List<int>();
        for (int kill = 0; kill < Kills; kill++)
        {
            using var host = Start(project, DelayMs);
            var clock = Stopwatch.StartNew();
            while (JournalRecords(journal) < killAt[kill])
            {
                Assert.False(host.Process.HasExited, $"Run {kill + 1} ended before its kill point ({killAt[kill]} items) {context}:\n{host.Output}");
                Assert.True(clock.Elapsed < RunTimeout, $"Run {kill + 1} did not reach {killAt[kill]} items {context}:\n{host.Output}");
                await Task.Delay(1, cancellation);
            }

            await Task.Delay(random.Next(0, DelayMs + 1), cancellation);
            Assert.False(host.Process.HasExited, $"Run {kill + 1} ended before it was killed {context}:\n{host.Output}");
            host.Process.Kill(entireProcessTree: true);
            await host.Process.WaitForExitAsync(cancellation);
            journalled.Add(JournalRecords(journal));
        }

        int beforeFinal = JournalRecords(journal);
        var final = await RunToEndAsync(project, delayMs: 0, cancellation);
        await stopWatching.CancelAsync();
        var (observed, violations) = await watcher;

        Assert.True(final.ExitCode == 0, final.Output);
        Assert.Empty(violations);
        Assert.True(observed > 0, "The watcher never saw the finished snapshot.");
        foreach (var (file, bytes) in expected)
        {
            Assert.Equal(bytes, File.ReadAllBytes(Path.Combine(snapshotFolder, file)));
        }

        // The journal grew across the kills and the final run reused every journalled position.
        Assert.True(beforeFinal >= killAt[^1], $"{beforeFinal} items journalled, last kill point {killAt[^1]} {context}");
        var resumed = Resumed().Match(final.Output);
        Assert.True(resumed.Success, $"The final run did not resume {context}:\n{final.Output}");
        Assert.Equal(beforeFinal, int.Parse(resumed.Groups["count"].Value, System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(beforeFinal > 0);
        Assert.False(File.Exists(journal));
        Assert.Equal([SnapshotLayout.ItemsFileName, SnapshotLayout.PlanFileName], Directory.GetFiles(snapshotFolder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        TestContext.Current.TestOutputHelper?.WriteLine($"{context} kill points {string.Join(",", killAt)}; journalled after each kill {string.Join(",", journalled)}; snapshot seen {observed} times");
    }

    /// <summary>
    /// Polls the snapshot folder until cancelled: every plan.json and items.json it can read must be the complete final
    /// file (nothing else is ever written there), and any other file may only be an atomic write's temporary file.
    /// </summary>
    private static (int Observed, List<string> Violations) Watch(string folder, Dictionary<string, byte[]> expected, CancellationToken cancellationToken)
    {
        int observed = 0;
        var violations = new List<string>();
        while (!cancellationToken.IsCancellationRequested)
        {
            string[] files = Directory.Exists(folder) ? Directory.GetFiles(folder) : [];
            foreach (string file in files)
            {
                string name = Path.GetFileName(file);
                if (!expected.TryGetValue(name, out byte[]? bytes))
                {
                    if (!name.EndsWith(".tmp", StringComparison.Ordinal))
                    {
                        violations.Add($"unexpected file {name}");
                    }

                    continue;
                }

                byte[] seen;
                try
                {
                    seen = File.ReadAllBytes(file);
                }
                catch (FileNotFoundException)
                {
                    continue;
                }

                observed++;
                if (!seen.AsSpan().SequenceEqual(bytes))
                {
                    violations.Add($"{name} was visible with {seen.Length} bytes that are not the complete file ({bytes.Length} bytes)");
                }
            }

            Thread.Sleep(1);
        }

        return (observed, violations);
    }

    /// <summary>Complete records in the journal (lines after the header); 0 when there is none.</summary>
    private static int JournalRecords(string path)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            return Math.Max(0, buffer.ToArray().Count(b => b == (byte)'\n') - 1);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return 0;
        }
    }

    private static async Task<(int ExitCode, string Output)> RunToEndAsync(string project, int delayMs, CancellationToken cancellationToken)
    {
        using var host = Start(project, delayMs);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(RunTimeout);
        await host.Process.WaitForExitAsync(timeout.Token);
        host.Process.WaitForExit(); // drains the redirected output
        return (host.Process.ExitCode, host.Output);
    }

    private static HostProcess Start(string project, int delayMs)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in new[] { HostPath(), project, Benchmark, Query, Quota.ToString(System.Globalization.CultureInfo.InvariantCulture), delayMs.ToString(System.Globalization.CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment.Remove("CI");
        return new HostProcess(Process.Start(start)!);
    }

    [GeneratedRegex(@"generated 'arith': 120 items .* \((?<count>\d+) items resumed from an interrupted run\)")]
    private static partial Regex Resumed();

    /// <summary>A started host and everything it has written so far.</summary>
    private sealed class HostProcess : IDisposable
    {
        private readonly StringBuilder _output = new();

        public HostProcess(Process process)
        {
            Process = process;
            process.OutputDataReceived += (_, e) => Append(e.Data);
            process.ErrorDataReceived += (_, e) => Append(e.Data);
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
        }

        public Process Process { get; }

        public string Output
        {
            get
            {
                lock (_output)
                {
                    return _output.ToString();
                }
            }
        }

        public void Dispose()
        {
            if (!Process.HasExited)
            {
                Process.Kill(entireProcessTree: true);
                Process.WaitForExit();
            }

            Process.Dispose();
        }

        private void Append(string? line)
        {
            if (line is not null)
            {
                lock (_output)
                {
                    _output.AppendLine(line);
                }
            }
        }
    }
}
