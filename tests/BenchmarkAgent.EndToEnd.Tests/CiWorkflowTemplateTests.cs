using static BenchmarkAgent.EndToEnd.Tests.WorkflowYaml;

namespace BenchmarkAgent.EndToEnd.Tests;

/// <summary>
/// Issue 17, "A CI workflow out of the box": <c>dotnet new benchagent --ci github</c>, with the template installed from
/// the repository's template folder into a private hive, adds a valid GitHub Actions workflow naming the shard matrix,
/// the merge job and the report artifact; without the option nothing is added.
/// </summary>
public sealed class CiWorkflowTemplateTests : IAsyncLifetime
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "benchagent-ci-template-" + Guid.NewGuid().ToString("N")[..8]);

    private string Hive => Path.Combine(_root, "hive");

    public async ValueTask InitializeAsync()
    {
        string template = Path.Combine(_root, "template");
        string source = Path.Combine(TemplateWorkspace.RepositoryRoot(), "templates", "content", "benchagent");
        foreach (string file in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
        {
            string relative = Path.GetRelativePath(source, file);
            if (relative.Split(Path.DirectorySeparatorChar) is var parts && (parts.Contains("bin") || parts.Contains("obj") || parts.Contains("Benchmarks") || parts.Contains("TestResults")))
            {
                continue;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(template, relative))!);
            File.Copy(file, Path.Combine(template, relative));
        }

        var install = await DotnetCli.RunAsync(_root, new Dictionary<string, string?>(), TemplateWorkspace.Timeout, "new", "install", template, "--debug:custom-hive", Hive);
        Assert.True(install.ExitCode == 0, $"dotnet new install failed: {install}");
    }

    public ValueTask DisposeAsync()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }

        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task Dotnet_new_with_ci_github_adds_a_valid_workflow_naming_the_shard_matrix_the_merge_job_and_the_report_artifact()
    {
        string six = await NewProjectAsync("ci-six", "--ci", "github", "--shards", "6");
        string defaults = await NewProjectAsync("ci-default", "--ci", "github");
        string none = await NewProjectAsync("ci-none");

        string text = await File.ReadAllTextAsync(Path.Combine(six, WorkflowPath), TestContext.Current.CancellationToken);
        var root = LoadYaml(text);
        Assert.Equal("6", Scalar(root, "env", "SHARD_COUNT"));
        Assert.Equal("4", Scalar(LoadYaml(await File.ReadAllTextAsync(Path.Combine(defaults, WorkflowPath), TestContext.Current.CancellationToken)), "env", "SHARD_COUNT"));
        Assert.False(Directory.Exists(Path.Combine(none, ".github")), "without --ci nothing is added");
        Assert.Equal("true", Scalar(root, "env", "CI"));

        // The matrix: one shard job per k of 1..SHARD_COUNT, planned by the plan job.
        Assert.Contains("seq -s, 1 \"$SHARD_COUNT\"", Run(Steps(root, "plan")[0]));
        Assert.Equal("plan", Scalar(root, "jobs", "shard", "needs"));
        Assert.Equal("${{ fromJSON(needs.plan.outputs.shards) }}", Scalar(root, "jobs", "shard", "strategy", "matrix", "shard"));
        Assert.Equal("false", Scalar(root, "jobs", "shard", "strategy", "fail-fast"));
        var shardSteps = Steps(root, "shard");
        var test = shardSteps.Single(s => Run(s).Contains("dotnet test", StringComparison.Ordinal));
        Assert.Contains("BENCHAGENT_SHARD=\"${{ matrix.shard }}/$SHARD_COUNT\" dotnet test Acme.Benchmarks.csproj", Run(test));
        Assert.Equal("${{ secrets.BENCHAGENT_SUBJECT_API_KEY }}", Scalar(test, "env", "BENCHAGENT_SUBJECT_API_KEY"));
        var upload = shardSteps.Single(s => Uses(s).StartsWith("actions/upload-artifact@", StringComparison.Ordinal));
        Assert.Equal("benchagent-shard-${{ matrix.shard }}", Scalar(upload, "with", "name"));
        Assert.Equal("benchagent-results/runs/*/shard-*-of-*.json", Scalar(upload, "with", "path"));
        Assert.Equal("${{ always() }}", Scalar(upload, "if"));

        // The merge job: after every shard (even failed ones), downloads the shard artifacts, merges with the gate, uploads the report.
        Assert.Equal("shard", Scalar(root, "jobs", "merge", "needs"));
        Assert.Equal("${{ !cancelled() }}", Scalar(root, "jobs", "merge", "if"));
        var mergeSteps = Steps(root, "merge");
        var download = mergeSteps.Single(s => Uses(s).StartsWith("actions/download-artifact@", StringComparison.Ordinal));
        Assert.Equal("benchagent-shard-*", Scalar(download, "with", "pattern"));
        var merge = mergeSteps.Single(s => Run(s).Contains("dotnet test", StringComparison.Ordinal));
        Assert.Equal("${{ github.workspace }}/shards", Scalar(merge, "env", "BENCHAGENT_MERGE"));
        Assert.Null(Find(merge, "env", "BENCHAGENT_SUBJECT_API_KEY")); // the merge calls no model: no key in its environment
        var report = mergeSteps.Single(s => Uses(s).StartsWith("actions/upload-artifact@", StringComparison.Ordinal));
        Assert.Equal("benchagent-report", Scalar(report, "with", "name"));
        Assert.Contains("benchagent-results/report.html", Scalar(report, "with", "path"));
        Assert.DoesNotContain("Company.Benchmarks", text);
        Assert.DoesNotContain("BENCHAGENT_CI_SHARD_COUNT", text);
    }

    private async Task<string> NewProjectAsync(string folder, params string[] options)
    {
        string output = Path.Combine(_root, folder);
        var create = await DotnetCli.RunAsync(_root, new Dictionary<string, string?>(), TemplateWorkspace.Timeout,
            ["new", "benchagent", "-n", "Acme.Benchmarks", "-o", output, "--debug:custom-hive", Hive, .. options]);
        Assert.True(create.ExitCode == 0, $"dotnet new benchagent {string.Join(' ', options)} failed: {create}");
        return output;
    }
}
