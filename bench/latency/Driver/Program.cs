// bench/latency driver:
//   snapshot <items.json> <count>     writes a snapshot of <count> numeric items ("What is N?" -> N)
//   serve <latency-ms>                serves the OpenAI wire format on 127.0.0.1, answering every item correctly after
//                                     <latency-ms>; prints the base URL, and "requests=<n> max-in-flight=<m>" when
//                                     stdin closes
//   scheduler <latency-ms> <count> <concurrency> <rounds>
//                                     in process: a server with that latency, the product's model pipeline (ModelClientFactory) and
//                                     SubjectScheduler, items asked one after another as xUnit runs theory rows, each
//                                     answer scored; prints one wall time in seconds per round
//   firstcall <url>                   in a fresh process: builds the subject's pipeline (ModelClientFactory) for a running
//                                     server and makes one call; prints "firstcall-ms=<ms> pipeline-ms=<ms>" (the cold
//                                     start a run pays once: loading and JIT of the OpenAI SDK and M.E.AI, first request)
using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.AI;
using BenchmarkAgent;
using BenchmarkAgent.Execution;
using BenchmarkAgent.Snapshots;
using BenchmarkAgent.Testing.Running;
using BenchmarkAgent.Testing.Scoring;
using BenchmarkAgent.Models;
using BenchmarkAgent.Testing.Subjects;
using BenchmarkAgent.Tests.Shared;
using BenchmarkAgent.Items;

switch (args.FirstOrDefault())
{
    case "snapshot" when args.Length == 3:
        File.WriteAllBytes(args[1], SnapshotWriter.ItemsBytes("latency", Items(Int(args[2]))));
        Console.WriteLine($"wrote {args[2]} items to {args[1]}");
        return 0;

    case "serve" when args.Length == 2:
    {
        await using var server = Serve(Int(args[1]));
        Console.WriteLine(server.BaseUrl);
        Console.Out.Flush();
        await Console.In.ReadToEndAsync();
        Console.WriteLine($"requests={server.Requests.Count} max-in-flight={server.MaxConcurrentRequests}");
        return 0;
    }

    case "scheduler" when args.Length == 5:
    {
        var items = Items(Int(args[2])).Select(i => ("latency", i)).ToList();
        for (int round = 0; round < Int(args[4]); round++)
        {
            await using var server = Serve(Int(args[1]));
            using var client = ModelClientFactory.Create(new ModelRoleSettings(ModelRole.Subject, server.BaseUri, "bench-model", "sk-bench"));
            // Baseline in the same round: the same client and server, calls issued by Parallel.ForEachAsync (no
            // scheduler, nothing awaited in item order). The order of the two arms alternates between rounds.
            async Task<double> Raw()
            {
                var clock = Stopwatch.StartNew();
                await Parallel.ForEachAsync(items, new ParallelOptions { MaxDegreeOfParallelism = Int(args[3]) }, async (pair, token) =>
                    await client.GetResponseAsync(BenchmarkAgent.Testing.BenchmarkPrompt.CreateMessages(pair.Item2), BenchmarkAgent.Testing.BenchmarkPrompt.CreateOptions(pair.Item2), token));
                return clock.Elapsed.TotalSeconds;
            }

            async Task<double> Scheduled()
            {
                var clock = Stopwatch.StartNew();
                await using var scheduler = new SubjectScheduler(client, items, Int(args[3]));
                int passed = 0;
                foreach (var (benchmark, item) in items)
                {
                    var answer = await scheduler.AskAsync(benchmark, item);
                    passed += Scorers.For(item.Answer.Type).Score(item, answer.Text).Passed ? 1 : 0;
                }

                double seconds = clock.Elapsed.TotalSeconds;
                return passed == items.Count ? seconds : throw new InvalidOperationException($"only {passed} of {items.Count} items passed");
            }

            double raw, scheduled;
            if (round % 2 == 0)
            {
                raw = await Raw();
                scheduled = await Scheduled();
            }
            else
            {
                scheduled = await Scheduled();
                raw = await Raw();
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"round={round} scheduler={scheduled:0.000} raw={raw:0.000} max-in-flight={server.MaxConcurrentRequests}"));
        }

        return 0;
    }

    case "firstcall" when args.Length == 2:
    {
        var clock = Stopwatch.StartNew();
        using var client = ModelClientFactory.Create(new ModelRoleSettings(ModelRole.Subject, new Uri(args[1]), "bench-model", "sk-bench"));
        double pipeline = clock.Elapsed.TotalMilliseconds;
        var response = await client.GetResponseAsync("What is 7?");
        double first = clock.Elapsed.TotalMilliseconds;
        if (!response.Text.Contains('7', StringComparison.Ordinal))
        {
            Console.Error.WriteLine($"unexpected answer: {response.Text}");
            return 1;
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"firstcall-ms={first:0.0} pipeline-ms={pipeline:0.0}"));
        return 0;
    }

    default:
        Console.Error.WriteLine("usage: snapshot <items.json> <count> | serve <latency-ms> | scheduler <latency-ms> <count> <concurrency> <rounds> | firstcall <url>");
        return 2;
}

static int Int(string text) => int.Parse(text, CultureInfo.InvariantCulture);

static OpenAiWireServer Serve(int latencyMs) => OpenAiWireServer.Start(
    r => Regex.Match(r.LastUserText, @"What is (\d+)\?") is { Success: true } m ? "Answer: " + m.Groups[1].Value : "Answer: none",
    TimeSpan.FromMilliseconds(latencyMs));

static List<BenchmarkItem> Items(int count)
{
    Difficulty[] levels = [Difficulty.Easy, Difficulty.Medium, Difficulty.Hard];
    return Enumerable.Range(0, count)
        .Select(i => new BenchmarkItem(
            $"item{i:D6}",
            $"part{i % 4}",
            levels[i % 3],
            $"What is {i}?",
            [],
            ExpectedAnswer.Number(i),
            new ItemProvenance(new ExternalSource("bench:latency"), "0000000000000001", i, 0, [], [])))
        .ToList();
}
