using System.Text.Json;

namespace BenchmarkAgent.EndToEnd.Tests;

/// <summary>Parallel builds of one project (multi-targeting, <c>-m</c>, an IDE next to a terminal) generate once.</summary>
public sealed partial class TemplateEndToEndTests
{
    [Fact]
    public async Task Four_builds_of_a_fresh_project_started_at_once_generate_once_and_leave_a_valid_snapshot()
    {
        Assert.True(workspace.FirstBuild.ExitCode == 0, workspace.FirstBuild.ToString());
        string project = workspace.CopyProject("Parallel.Benchmarks");
        Directory.Delete(Path.Combine(project, "Benchmarks"), recursive: true);
        // A large quota keeps generation busy long enough for the builds to overlap.
        const int quota = 6000;
        string csproj = Path.Combine(project, "Acme.Benchmarks.csproj");
        await File.WriteAllTextAsync(csproj, (await File.ReadAllTextAsync(csproj, TestContext.Current.CancellationToken)).Replace("Quota=\"40\"", $"Quota=\"{quota}\"", StringComparison.Ordinal), TestContext.Current.CancellationToken);
        var restore = await DotnetCli.RunAsync(project, workspace.Environment, TemplateWorkspace.Timeout, "restore");
        Assert.True(restore.ExitCode == 0, restore.ToString());

        // Four real builds, each its own MSBuild process, racing for the same snapshot root. Like the inner builds of a
        // multi-targeted project, each has its own obj/<x>/ and bin/<x>/ (so compilation does not collide) and shares obj/.
        var builds = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => DotnetCli.RunAsync(
            project, workspace.Environment, TemplateWorkspace.Timeout,
            "build", "--no-restore", "-nodeReuse:false", "-v:n", $"-p:BaseOutputPath=bin/b{i}/", $"-p:IntermediateOutputPath=obj/b{i}/")));

        Assert.All(builds, b => Assert.True(b.ExitCode == 0, b.ToString()));
        var generators = builds.Where(b => b.Output.Contains("BenchmarkAgent: generated 'arithmetic'", StringComparison.Ordinal)).ToList();
        var generator = Assert.Single(generators);
        Assert.Contains($"generated 'arithmetic': {quota} items", generator.Output);
        foreach (var other in builds.Where(b => b != generator))
        {
            // Waited for the lock and found the snapshot fresh, found it fresh straight away, or skipped the target.
            Assert.True(
                other.Output.Contains("'arithmetic' is up to date", StringComparison.Ordinal) ||
                other.Output.Contains("Skipping target \"_BenchmarkAgentGenerate\"", StringComparison.Ordinal),
                other.ToString());
        }

        int waited = builds.Count(b => b.Output.Contains("waiting for another build of this project", StringComparison.Ordinal));
        TestContext.Current.TestOutputHelper?.WriteLine($"{waited} of 3 other builds waited for the lock.");

        // The snapshot is complete and valid; nothing is left of the generation but the lock files (the build's and the
        // generator program's).
        string folder = Path.Combine(project, "Benchmarks", "arithmetic");
        Assert.Equal(["items.json", "plan.json"], Directory.GetFiles(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        using var items = JsonDocument.Parse(await File.ReadAllBytesAsync(Path.Combine(folder, "items.json"), TestContext.Current.CancellationToken));
        var ids = items.RootElement.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("id").GetString()).ToList();
        Assert.Equal(quota, ids.Count);
        Assert.Equal(quota, ids.Distinct().Count());
        using var plan = JsonDocument.Parse(await File.ReadAllBytesAsync(Path.Combine(folder, "plan.json"), TestContext.Current.CancellationToken));
        Assert.Equal(quota, plan.RootElement.GetProperty("quota").GetInt32());
        Assert.StartsWith("sha256:", plan.RootElement.GetProperty("fingerprint").GetString());
        Assert.Equal(["generate.lock", "generator.lock"], Directory.GetFiles(Path.Combine(project, "obj", "benchagent")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }
}
