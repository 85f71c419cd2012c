namespace BenchmarkAgent.EndToEnd.Tests;

/// <summary>The snapshot lifecycle targets through a real build: refresh, the change summary, curation errors.</summary>
public sealed partial class TemplateEndToEndTests
{
    [Fact]
    public async Task Refresh_then_build_changes_nothing_and_changes_summarises_a_quota_edit_without_writing_the_snapshot()
    {
        Assert.True(workspace.FirstBuild.ExitCode == 0, workspace.FirstBuild.ToString());
        string project = workspace.CopyProject("Lifecycle.Benchmarks");
        var token = TestContext.Current.CancellationToken;

        var bad = await DotnetCli.RunAsync(project, workspace.Environment, TemplateWorkspace.Timeout, "build", "-t:BenchmarkAgent_Refresh", "-p:BenchmarkAgentRefreshFraction=2");
        Assert.NotEqual(0, bad.ExitCode);
        Assert.Contains("error BA0206", bad.Output);

        var refresh = await DotnetCli.RunAsync(project, workspace.Environment, TemplateWorkspace.Timeout, "build", "-t:BenchmarkAgent_Refresh", "-p:BenchmarkAgentRefreshFraction=0.5");
        Assert.True(refresh.ExitCode == 0, refresh.ToString());
        Assert.Contains("refreshed 'arithmetic' to generation 1", refresh.Output);
        string plan = await File.ReadAllTextAsync(Path.Combine(project, "Benchmarks", "arithmetic", "plan.json"), token);
        Assert.Contains("\"history\": [", plan);
        var refreshed = TemplateWorkspace.SourceFiles(project);

        var build = await DotnetCli.RunAsync(project, workspace.Environment, TemplateWorkspace.Timeout, "build");
        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.DoesNotContain("BenchmarkAgent: generated", build.Output);
        Assert.Equal(refreshed, TemplateWorkspace.SourceFiles(project));

        string csproj = Path.Combine(project, "Acme.Benchmarks.csproj");
        await File.WriteAllTextAsync(csproj, (await File.ReadAllTextAsync(csproj, token)).Replace("Quota=\"40\"", "Quota=\"45\"", StringComparison.Ordinal), token);
        var snapshotBefore = SnapshotHashes(project);

        var changes = await DotnetCli.RunAsync(project, workspace.Environment, TemplateWorkspace.Timeout, "build", "-t:BenchmarkAgent_Changes");

        Assert.True(changes.ExitCode == 0, changes.ToString());
        Assert.Contains("changes for 'arithmetic'", changes.Output);
        string markdown = await File.ReadAllTextAsync(Path.Combine(project, "obj", "benchagent", "changes.md"), token);
        Assert.Contains("## arithmetic", markdown);
        Assert.Contains("| **total** | 5 | 0 | 0 | 40 |", markdown);
        Assert.Equal(snapshotBefore, SnapshotHashes(project));
    }

    private static Dictionary<string, string> SnapshotHashes(string project) =>
        TemplateWorkspace.SourceFiles(Path.Combine(project, "Benchmarks")).ToDictionary(p => p.Key, p => p.Value.Hash);
}
