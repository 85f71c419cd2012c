using BenchmarkAgent.Execution;
using BenchmarkAgent.Testing.Baselines;
using BenchmarkAgent.Testing.Running;
using BenchmarkAgent.Models;
using BenchmarkAgent.Testing.Subjects;
using BenchmarkAgent.Tests.Shared;
using BenchmarkAgent.Testing.TestCases;
using BenchmarkAgent.Testing.Results;
using BenchmarkAgent.Items;

namespace BenchmarkAgent.Testing.Tests.Running;

/// <summary>
/// A benchmark of numbered arithmetic items run against an in-test OpenAI-wire server whose answers are controlled:
/// item i asks "Question number i?", its answer is i, and the server answers wrongly exactly for the items it is told.
/// </summary>
internal sealed class GateScenario : IDisposable
{
    public const string Benchmark = "arith";

    public GateScenario(int items = 40)
    {
        Items = Enumerable.Range(0, items)
            .Select(i => TestItems.Item(ExpectedAnswer.Number(i), id: $"item{i:D2}", prompt: $"Question number {i}?"))
            .ToList();
        Directory = Path.Combine(Path.GetTempPath(), "benchagent-gate-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
    }

    public IReadOnlyList<BenchmarkItem> Items { get; }

    /// <summary>A scratch folder standing for both the output and the project snapshot folders.</summary>
    public string Directory { get; }

    public BenchmarkLocation Location(string? minScore = null, string? alpha = null) =>
        new(Benchmark, Path.Combine(Directory, "out", Benchmark), Path.Combine(Directory, "project", Benchmark), minScore, alpha);

    public static HashSet<int> Range(int start, int count) => [.. Enumerable.Range(start, count)];

    /// <summary>Runs every item through the wire server, the real chat client and the scheduler; the server gets <paramref name="wrong"/> items wrong.</summary>
    public async Task<IReadOnlyList<ItemResult>> RunAsync(string model, HashSet<int> wrong, HashSet<int>? failing = null)
    {
        await using var server = OpenAiWireServer.Start(
            r =>
            {
                int i = int.Parse(r.LastUserText.Split(' ')[2].TrimEnd('?'), System.Globalization.CultureInfo.InvariantCulture);
                return "Answer: " + (wrong.Contains(i) ? i + 1000 : i);
            },
            failWith: r => failing is not null && failing.Any(i => r.LastUserText.Contains($"number {i}?", StringComparison.Ordinal)) ? 400 : null);
        using var client = EndpointChatClient.Create(new ModelRoleSettings(ModelRole.Subject, server.BaseUri, model, "sk-test"));
        await using var scheduler = new SubjectScheduler(client, Items.Select(i => (Benchmark, i)).ToList(), concurrency: 8);
        var results = new List<ItemResult>();
        foreach (var item in Items)
        {
            var answer = await scheduler.AskAsync(Benchmark, item, TestContext.Current.CancellationToken);
            results.Add(ItemResults.Score(Benchmark, item, model, answer));
        }

        return results;
    }

    /// <summary>Writes a baseline in the output folder where the run reads it: items in <paramref name="failed"/> failed, the rest passed.</summary>
    public void PlantBaseline(string model, HashSet<int> failed)
    {
        var baseline = new Baseline(Benchmark, model, Items.Select((item, i) => new BaselineItem(item.Id, !failed.Contains(i), failed.Contains(i) ? 0 : 1)).ToList());
        BaselineWriter.Write(BaselineLayout.PathFor(Location().SnapshotDirectory, model), baseline);
    }

    public void Dispose()
    {
        if (System.IO.Directory.Exists(Directory))
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
    }
}
