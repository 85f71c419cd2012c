using System.Globalization;
using System.Text.RegularExpressions;
using BenchmarkAgent.Testing.Tests.Sharding;
using BenchmarkAgent.Tests.Shared;

namespace BenchmarkAgent.Testing.Tests.TestCases;

/// <summary>
/// The order a real run of a benchmark test assembly takes (issue 16, memory at scale): every item test before the gate
/// of its benchmark, whatever xUnit's default order would pick, so the gate reads what the items recorded and asks the
/// subject nothing itself.
/// </summary>
public sealed partial class RunOrderProcessTests
{
    [GeneratedRegex(@"What is (\d+)\?")]
    private static partial Regex Question();

    [Fact]
    public async Task Every_item_test_runs_before_the_gates_and_each_item_is_asked_once()
    {
        var token = TestContext.Current.CancellationToken;
        using var workspace = new ShardedWorkspace(300);
        await using var server = OpenAiWireServer.Start(r =>
            "Answer: " + int.Parse(Question().Match(r.LastUserText).Groups[1].Value, CultureInfo.InvariantCulture));
        var environment = new Dictionary<string, string?>
        {
            ["BENCHAGENT_SUBJECT_ENDPOINT"] = server.BaseUrl,
            ["BENCHAGENT_SUBJECT_MODEL"] = ShardedWorkspace.Model,
            ["BENCHAGENT_SUBJECT_CONCURRENCY"] = "4",
            ["BENCHAGENT_RESULTS_DIRECTORY"] = Path.Combine(workspace.Root, "results"),
        };

        var run = await workspace.RunAsync(environment, token, "-reporter", "verbose");

        Assert.True(run.ExitCode == 0, run.ToString());
        // The verbose reporter names each test as it finishes, in the order they ran: items by their row, gates as "name (gate)".
        var finished = run.Output.Split('\n').Where(l => l.Contains("[FINISHED]", StringComparison.Ordinal)).ToList();
        int lastItem = finished.FindLastIndex(l => l.Contains("itemId: ", StringComparison.Ordinal));
        var gates = finished.Select((l, i) => (l, i)).Where(x => x.l.Contains(" (gate)(benchmark: ", StringComparison.Ordinal)).Select(x => x.i).ToList();
        Assert.True(lastItem == 302 && gates.Count == 2, run.ToString());
        Assert.All(gates, g => Assert.True(g > lastItem, $"a gate finished at position {g}, before the last item test at {lastItem}:\n{run}"));
        // The item rows run in snapshot order, the order in which the scheduler starts their calls.
        var sharded = finished.Where(l => l.Contains("itemId: ", StringComparison.Ordinal) && l.TrimStart().StartsWith("sharded/", StringComparison.Ordinal)).ToList();
        Assert.Equal(
            ShardedWorkspace.Items(300).Select(i => $"itemId: \"{i.Id}\")"),
            sharded.Select(l => l[l.IndexOf("itemId: ", StringComparison.Ordinal)..(l.IndexOf(") [FINISHED]", StringComparison.Ordinal) + 1)]));
        // 300 + 3 items, each asked once (tiny's 3 questions are sharded's first 3): the gates read the recorded results.
        Assert.Equal(303, server.Requests.Count);
        Assert.Equal(300, server.Requests.Select(r => r.LastUserText).Distinct().Count());
    }
}
