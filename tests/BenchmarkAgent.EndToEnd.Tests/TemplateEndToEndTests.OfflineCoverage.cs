namespace BenchmarkAgent.EndToEnd.Tests;

/// <summary>The honest offline default in a real build: an uncovered query fails with BA0310 until the project opts in.</summary>
public sealed partial class TemplateEndToEndTests
{
    [Fact]
    public async Task An_uncovered_query_fails_the_build_with_BA0310_and_the_project_property_opts_in_to_a_warning()
    {
        Assert.True(workspace.FirstBuild.ExitCode == 0, workspace.FirstBuild.ToString());
        string project = workspace.CopyProject("Uncovered.Benchmarks");
        await AddToProjectAsync(project, "<ItemGroup><GeneratedBenchmark Include=\"support\" Query=\"Answer customer questions from our refund policy\" Quota=\"6\" /></ItemGroup>");

        var failed = await DotnetCli.RunAsync(project, workspace.Environment, TemplateWorkspace.Timeout, "build");

        Assert.NotEqual(0, failed.ExitCode);
        Assert.Contains("error BA0310", failed.Output);
        Assert.Contains("Benchmark 'support'", failed.Output);
        Assert.Contains("BENCHAGENT_GENERATOR_ENDPOINT", failed.Output);
        Assert.False(Directory.Exists(Path.Combine(project, "Benchmarks", "support")));

        // The property is the default of every benchmark's AllowWeakMatch metadata (an item definition in the targets).
        await AddToProjectAsync(project, "<PropertyGroup><BenchmarkAgentAllowWeakMatch>true</BenchmarkAgentAllowWeakMatch></PropertyGroup>");
        var allowed = await DotnetCli.RunAsync(project, workspace.Environment, TemplateWorkspace.Timeout, "build");

        Assert.True(allowed.ExitCode == 0, allowed.ToString());
        Assert.Contains("warning BA0302", allowed.Output);
        Assert.Contains("generated 'support': 6 items", allowed.Output);
    }
}
