using System.Text.Json.Nodes;
using TaskItem = Microsoft.Build.Utilities.TaskItem;

namespace BenchmarkAgent.Tasks.Tests.Hardening;

/// <summary>
/// Issue 16, finding 6: with <c>CI=true</c> the lock accepted a gutted items.json (27 of 47 items deleted) and one copied
/// from another benchmark. Real <c>dotnet msbuild</c> builds: generate locally, tamper, build locked.
/// </summary>
public sealed class LockHardeningTests
{
    private const string Benchmark = "<GeneratedBenchmark Include=\"arith\" Query=\"Multi-step arithmetic word problems with irrelevant facts\" Quota=\"12\" Seed=\"{0}\" />";

    private static async Task<MsBuildScenario> GeneratedAsync(int seed)
    {
        var scenario = new MsBuildScenario(string.Format(System.Globalization.CultureInfo.InvariantCulture, Benchmark, seed));
        var (exit, output) = await scenario.RunAsync("Build");
        Assert.True(exit == 0, output);
        Assert.True(File.Exists(Path.Combine(scenario.SnapshotFolder("arith"), "items.json")), output);
        return scenario;
    }

    private static string ItemsPath(MsBuildScenario scenario) => Path.Combine(scenario.SnapshotFolder("arith"), "items.json");

    private static void EditItems(MsBuildScenario scenario, Action<JsonArray> edit)
    {
        var root = JsonNode.Parse(File.ReadAllText(ItemsPath(scenario)))!;
        edit(root["items"]!.AsArray());
        File.WriteAllText(ItemsPath(scenario), root.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }) + "\n");
    }

    [Fact]
    public async Task Finding6_locked_build_passes_untouched_fails_gutted_with_BA0110_and_swapped_with_BA0111()
    {
        using var scenario = await GeneratedAsync(seed: 1);
        using var other = await GeneratedAsync(seed: 2);
        string original = File.ReadAllText(ItemsPath(scenario));

        var (untouchedExit, untouchedOutput) = await scenario.RunAsync("Build", ci: true);
        Assert.True(untouchedExit == 0, untouchedOutput);

        EditItems(scenario, items =>
        {
            for (int i = 0; i < 5; i++)
            {
                items.RemoveAt(items.Count - 1);
            }
        });
        var (guttedExit, guttedOutput) = await scenario.RunAsync("Build", ci: true);
        Assert.NotEqual(0, guttedExit);
        Assert.Contains("BA0110", guttedOutput, StringComparison.Ordinal);
        Assert.Contains("7 items in use, the Quota is 12", guttedOutput, StringComparison.Ordinal);

        // Same query, quota and subtasks, another Seed: the copy parses and has the right count, but is not this benchmark's.
        File.WriteAllText(ItemsPath(scenario), File.ReadAllText(ItemsPath(other)));
        var (swappedExit, swappedOutput) = await scenario.RunAsync("Build", ci: true);
        Assert.NotEqual(0, swappedExit);
        Assert.Contains("BA0111", swappedOutput, StringComparison.Ordinal);
        Assert.Contains("generated for another benchmark", swappedOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("BA0110", swappedOutput, StringComparison.Ordinal);

        File.WriteAllText(ItemsPath(scenario), original);
        var (restoredExit, restoredOutput) = await scenario.RunAsync("Build", ci: true);
        Assert.True(restoredExit == 0, restoredOutput);
    }

    [Fact]
    public async Task Weak_a_missing_items_json_is_BA0101_not_BA0102_under_the_lock()
    {
        using var scenario = await GeneratedAsync(seed: 3);

        File.Delete(ItemsPath(scenario));
        var (missingExit, missingOutput) = await scenario.RunAsync("Build", ci: true);

        Assert.NotEqual(0, missingExit);
        Assert.Contains("BA0101", missingOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("BA0102", missingOutput, StringComparison.Ordinal);
        Assert.False(File.Exists(ItemsPath(scenario)));
    }

    [Fact]
    public void Finding6_an_edit_no_local_build_recorded_is_BA0112_and_an_untouched_snapshot_has_no_problem()
    {
        using var project = new TaskProject("ba-unrecorded-");
        var item = new TaskItem("arith");
        item.SetMetadata("Query", "Multi-step arithmetic word problems");
        item.SetMetadata("Quota", "6");
        Assert.True(project.Run([item]).Ok);
        var snapshot = Snapshots.ExistingSnapshot.Load(project.SnapshotRoot, "arith")!;
        Assert.Empty(Execution.SnapshotConsistency.Check(snapshot, seed: 0, quota: 6));

        var items = snapshot.Items.Items.ToList();
        items[2] = items[2] with { Prompt = items[2].Prompt + " (reworded)" };
        var edited = snapshot with { Items = snapshot.Items with { Items = items } };

        var problem = Assert.Single(Execution.SnapshotConsistency.Check(edited, seed: 0, quota: 6));
        Assert.Equal("BA0112", problem.Code);
        Assert.Contains(items[2].Id, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Weak_a_generated_item_relabelled_manual_with_a_wrong_answer_is_still_BA0204()
    {
        using var project = new TaskProject("ba-manual-");
        var item = new TaskItem("arith");
        item.SetMetadata("Query", "Multi-step arithmetic word problems");
        item.SetMetadata("Quota", "6");
        Assert.True(project.Run([item]).Ok);
        string path = Path.Combine(project.SnapshotRoot, "arith", "items.json");
        var root = JsonNode.Parse(File.ReadAllText(path))!;
        var first = root["items"]![0]!;
        Assert.Equal("multi-step-arithmetic", (string?)first["subtask"]);
        first["answer"]!["value"] = "-987654";
        first["provenance"]!["source"] = "manual";
        File.WriteAllText(path, root.ToJsonString());

        var (ok, engine) = project.Run([item]);

        Assert.False(ok);
        Assert.Contains(engine.Errors, e => e.Code == "BA0204");
    }
}
