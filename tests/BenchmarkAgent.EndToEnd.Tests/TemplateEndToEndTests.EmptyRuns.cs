namespace BenchmarkAgent.EndToEnd.Tests;

/// <summary>
/// Issue 16, finding 7, through a real <c>dotnet test --no-build</c>: under <c>CI=true</c> a run that evaluates nothing
/// (no subject; an unreadable snapshot) fails with its code and a non-zero exit, where it used to skip everything and pass.
/// </summary>
public sealed partial class TemplateEndToEndTests
{
    [Fact]
    public async Task Under_CI_a_test_run_without_a_subject_or_with_an_unreadable_snapshot_fails_instead_of_skipping()
    {
        Assert.True(workspace.FirstBuild.ExitCode == 0, workspace.FirstBuild.ToString());
        string project = workspace.CopyProject("EmptyRun.Benchmarks");
        var build = await DotnetCli.RunAsync(project, workspace.Environment, TemplateWorkspace.Timeout, "build");
        Assert.True(build.ExitCode == 0, build.ToString());
        var ci = workspace.Environment;
        ci["CI"] = "true";

        var noSubject = await DotnetCli.RunAsync(project, ci, TemplateWorkspace.Timeout, "test", "--no-build");

        Assert.NotEqual(0, noSubject.ExitCode);
        Assert.Contains("BA2062", noSubject.Output);

        // The snapshot the test run reads is the copy in the output folder: break it, and run again without building.
        var copies = Directory.GetFiles(Path.Combine(project, "bin"), "items.json", SearchOption.AllDirectories);
        Assert.NotEmpty(copies);
        foreach (string copy in copies)
        {
            await File.WriteAllTextAsync(copy, "{ \"schema\": \"benchagent/items@2\", \"items\": [ { \"id\": ", TestContext.Current.CancellationToken);
        }

        ci["BENCHAGENT_SUBJECT_ENDPOINT"] = "http://127.0.0.1:9/v1";
        ci["BENCHAGENT_SUBJECT_MODEL"] = "unreachable";
        var unreadable = await DotnetCli.RunAsync(project, ci, TemplateWorkspace.Timeout, "test", "--no-build");

        Assert.NotEqual(0, unreadable.ExitCode);
        Assert.Contains("BA2061", unreadable.Output);
    }
}
