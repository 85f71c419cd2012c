// bench/sharding driver:
//   snapshot <Benchmarks folder> <count>   writes the snapshots the fixture test project declares: 'sharded' with <count>
//                                          numeric items ("What is N?" -> N) and 'tiny' with 3
//   serve <latency-ms> <server-rps>        serves the OpenAI wire format on 127.0.0.1, answering every item correctly after
//                                          <latency-ms>; with <server-rps> > 0, one limit for all clients together (a
//                                          provider's per-key limit): requests beyond it in the current second get 429 with
//                                          Retry-After: 1. Prints the base URL, and "requests=<n> throttled=<t>" when stdin closes.
using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using BenchmarkAgent;
using BenchmarkAgent.Execution;
using BenchmarkAgent.Items;
using BenchmarkAgent.Snapshots;
using BenchmarkAgent.Tests.Shared;

switch (args.FirstOrDefault())
{
    case "snapshot" when args.Length == 3:
        Write(args[1], "sharded", Items(Int(args[2]), string.Empty));
        Write(args[1], "tiny", Items(3, "tiny-"));
        Console.WriteLine($"wrote {args[2]} + 3 items under {args[1]}");
        return 0;

    case "serve" when args.Length == 3:
    {
        var window = new Window(Int(args[2]));
        await using var server = OpenAiWireServer.Start(
            r => Regex.Match(r.LastUserText, @"What is (\d+)\?") is { Success: true } m ? "Answer: " + m.Groups[1].Value : "Answer: none",
            TimeSpan.FromMilliseconds(Int(args[1])),
            failWith: _ => window.Admit() ? null : 429,
            retryAfter: _ => "1");
        Console.WriteLine(server.BaseUrl);
        Console.Out.Flush();
        await Console.In.ReadToEndAsync();
        Console.WriteLine($"requests={server.Requests.Count} throttled={window.Throttled}");
        return 0;
    }

    default:
        Console.Error.WriteLine("usage: snapshot <Benchmarks folder> <count> | serve <latency-ms> <server-rps>");
        return 2;
}

static int Int(string text) => int.Parse(text, CultureInfo.InvariantCulture);

static void Write(string root, string benchmark, List<BenchmarkItem> items)
{
    string folder = Path.Combine(root, benchmark);
    Directory.CreateDirectory(folder);
    File.WriteAllBytes(Path.Combine(folder, SnapshotLayout.ItemsFileName), SnapshotWriter.ItemsBytes(benchmark, items));
}

static List<BenchmarkItem> Items(int count, string prefix)
{
    Difficulty[] levels = [Difficulty.Easy, Difficulty.Medium, Difficulty.Hard];
    return Enumerable.Range(0, count)
        .Select(i => new BenchmarkItem(
            $"{prefix}item{i:D6}",
            $"part{i % 4}",
            levels[i % 3],
            $"What is {i}?",
            [],
            ExpectedAnswer.Number(i),
            new ItemProvenance(new ExternalSource("bench:sharding"), "0000000000000001", i, 0, [], [])))
        .ToList();
}

/// <summary>A fixed one-second window shared by every client: at most <c>limit</c> requests per window (0: no limit).</summary>
internal sealed class Window(int limit)
{
    private readonly Lock _gate = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private long _second = -1;
    private int _count;
    private int _throttled;

    public int Throttled => Volatile.Read(ref _throttled);

    public bool Admit()
    {
        if (limit <= 0)
        {
            return true;
        }

        lock (_gate)
        {
            long second = _clock.ElapsedMilliseconds / 1000;
            if (second != _second)
            {
                (_second, _count) = (second, 0);
            }

            if (_count < limit)
            {
                _count++;
                return true;
            }
        }

        Interlocked.Increment(ref _throttled);
        return false;
    }
}
