using System.Diagnostics;
using System.Text;
using System.Text.Json;
using BenchmarkAgent.Tests.Shared;
using YamlDotNet.RepresentationModel;

namespace BenchmarkAgent.EndToEnd.Tests;

/// <summary>
/// Issue 17, "A CI workflow out of the box": <c>dotnet new benchagent --ci github</c> adds a GitHub Actions workflow
/// with a shard matrix, a merge job and the report artifact; its commands shard and merge the project for real.
/// </summary>
public sealed partial class TemplateEndToEndTests
{
    private const string WorkflowPath = ".github/workflows/benchmarks.yml";

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

    [Fact]
    public async Task The_generated_workflow_commands_shard_and_merge_the_project_for_real_with_the_summary_and_report()
    {
        Assert.True(workspace.FirstBuild.ExitCode == 0, workspace.FirstBuild.ToString());
        string generated = await NewProjectAsync("ci-two", "--ci", "github", "--shards", "2");
        var root = LoadYaml(await File.ReadAllTextAsync(Path.Combine(generated, WorkflowPath), TestContext.Current.CancellationToken));
        // The repository a runner checks out: the built project (its committed snapshot) with the generated workflow.
        string repo = workspace.CopyProject("Ci.Benchmarks");
        var items = ReadItems(repo);
        var answers = items.ToDictionary(i => i.Prompt, i => i.Answer);
        await using var server = OpenAiWireServer.Start(request =>
            answers.TryGetValue(request.LastUserText, out string? answer) ? $"Answer: {answer}" : "I do not know this item.");
        var expressions = new Dictionary<string, string>
        {
            ["github.workspace"] = repo,
            ["vars.BENCHAGENT_SUBJECT_ENDPOINT"] = server.BaseUrl,
            ["vars.BENCHAGENT_SUBJECT_MODEL"] = "ci-model",
            ["secrets.BENCHAGENT_SUBJECT_API_KEY"] = "sk-ci-secret-never-shown",
        };

        // plan: the matrix list.
        string outputs = Path.Combine(workspace.Root, "ci-github-output");
        var plan = await StepAsync(root, Steps(root, "plan")[0], repo, expressions, new() { ["GITHUB_OUTPUT"] = outputs });
        Assert.True(plan.ExitCode == 0, plan.ToString());
        Assert.Equal("shards=[1,2]", (await File.ReadAllTextAsync(outputs, TestContext.Current.CancellationToken)).Trim());

        // shard k on its own runner (a fresh results folder), then its artifact as download-artifact lays it out.
        string shards = Path.Combine(repo, "shards");
        foreach (int k in new[] { 1, 2 })
        {
            string results = Path.Combine(repo, "benchagent-results");
            if (Directory.Exists(results))
            {
                Directory.Delete(results, recursive: true);
            }

            var step = Steps(root, "shard").Single(s => Run(s).Contains("dotnet test", StringComparison.Ordinal));
            var run = await StepAsync(root, step, repo, new(expressions) { ["matrix.shard"] = k.ToString(System.Globalization.CultureInfo.InvariantCulture) }, []);
            Assert.True(run.ExitCode == 0, run.ToString());
            var files = Directory.GetFiles(Path.Combine(results, "runs"), "shard-*-of-*.json", SearchOption.AllDirectories);
            string file = Assert.Single(files);
            Assert.Equal($"shard-{k}-of-2.json", Path.GetFileName(file));
            string artifact = Path.Combine(shards, $"benchagent-shard-{k}", Path.GetRelativePath(Path.Combine(results, "runs"), file));
            Directory.CreateDirectory(Path.GetDirectoryName(artifact)!);
            File.Copy(file, artifact);
        }

        Assert.Equal(items.Count, server.Requests.Count); // each item asked once, by exactly one shard
        Directory.Delete(Path.Combine(repo, "benchagent-results"), recursive: true);
        string summary = Path.Combine(workspace.Root, "ci-step-summary.md");
        var mergeStep = Steps(root, "merge").Single(s => Run(s).Contains("dotnet test", StringComparison.Ordinal));
        var merged = await StepAsync(root, mergeStep, repo, expressions, new() { ["GITHUB_STEP_SUMMARY"] = summary });

        Assert.True(merged.ExitCode == 0, merged.ToString());
        Assert.Equal(items.Count, server.Requests.Count); // the merge called no model
        string markdown = await File.ReadAllTextAsync(summary, TestContext.Current.CancellationToken);
        Assert.Contains("# BenchmarkAgent results", markdown);
        Assert.Contains($"| **arithmetic** | {items.Count} | {items.Count} | 0 |", markdown);
        var report = Scalar(Steps(root, "merge").Single(s => Uses(s).StartsWith("actions/upload-artifact@", StringComparison.Ordinal)), "with", "path")
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.All(report, path => Assert.True(File.Exists(Path.Combine(repo, path)), $"the report artifact's {path} was not written"));
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(repo, "benchagent-results", "report.json"), TestContext.Current.CancellationToken));
        Assert.Equal(items.Count, json.RootElement.GetProperty("results").GetArrayLength());
        Assert.DoesNotContain("sk-ci-secret-never-shown", markdown + merged.Output);
    }

    private async Task<string> NewProjectAsync(string folder, params string[] options)
    {
        string output = Path.Combine(workspace.Root, folder);
        var create = await DotnetCli.RunAsync(workspace.Root, workspace.Environment, TemplateWorkspace.Timeout,
            ["new", "benchagent", "-n", "Acme.Benchmarks", "-o", output, "--debug:custom-hive", workspace.Hive, .. options]);
        Assert.True(create.ExitCode == 0, $"dotnet new benchagent {string.Join(' ', options)} failed: {create}");
        return output;
    }

    private static YamlMappingNode LoadYaml(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return (YamlMappingNode)Assert.Single(stream.Documents).RootNode;
    }

    private static YamlNode? Find(YamlNode node, params string[] path)
    {
        foreach (string key in path)
        {
            if (node is not YamlMappingNode map || !map.Children.TryGetValue(new YamlScalarNode(key), out var child))
            {
                return null;
            }

            node = child;
        }

        return node;
    }

    private static string Scalar(YamlNode node, params string[] path) =>
        Assert.IsType<YamlScalarNode>(Find(node, path) ?? throw new Xunit.Sdk.XunitException($"the workflow has no {string.Join('.', path)}")).Value!;

    private static List<YamlMappingNode> Steps(YamlNode root, string job) =>
        Assert.IsType<YamlSequenceNode>(Find(root, "jobs", job, "steps")).Children.Cast<YamlMappingNode>().ToList();

    private static string Run(YamlNode step) => (Find(step, "run") as YamlScalarNode)?.Value ?? string.Empty;

    private static string Uses(YamlNode step) => (Find(step, "uses") as YamlScalarNode)?.Value ?? string.Empty;

    /// <summary>Replaces the <c>${{ ... }}</c> expressions the runner would, failing on any it does not know.</summary>
    private static string Expand(string text, IReadOnlyDictionary<string, string> expressions) =>
        System.Text.RegularExpressions.Regex.Replace(text, @"\$\{\{\s*([^}]+?)\s*\}\}", m =>
            expressions.TryGetValue(m.Groups[1].Value, out string? value) ? value : throw new Xunit.Sdk.XunitException($"unknown expression {m.Value}"));

    /// <summary>Runs a step's <c>run</c> script with bash, as a runner does: the workflow's env, then the step's env, expressions expanded.</summary>
    private async Task<CliResult> StepAsync(YamlNode root, YamlNode step, string workingDirectory, Dictionary<string, string> expressions, Dictionary<string, string> runner)
    {
        var start = new ProcessStartInfo("bash") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("-eo");
        start.ArgumentList.Add("pipefail");
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(Expand(Run(step), expressions));
        foreach (string key in start.Environment.Keys.ToList())
        {
            if (key.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase) || key.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase)
                || key.StartsWith("TESTINGPLATFORM", StringComparison.OrdinalIgnoreCase) || key.StartsWith("BENCHAGENT_", StringComparison.OrdinalIgnoreCase)
                || key.StartsWith("OPENAI_", StringComparison.OrdinalIgnoreCase) || key is "CI" or "GITHUB_STEP_SUMMARY")
            {
                start.Environment.Remove(key);
            }
        }

        foreach (var (key, value) in workspace.Environment)
        {
            start.Environment[key] = value;
        }

        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_DO_NOT_USE_MSBUILD_SERVER"] = "1";
        foreach (var scope in new[] { Find(root, "env"), Find(step, "env") })
        {
            if (scope is not YamlMappingNode variables)
            {
                continue;
            }

            foreach (var pair in variables.Children)
            {
                start.Environment[((YamlScalarNode)pair.Key).Value!] = Expand(((YamlScalarNode)pair.Value).Value!, expressions);
            }
        }

        foreach (var (key, value) in runner)
        {
            start.Environment[key] = value;
        }

        using var process = new Process { StartInfo = start };
        var output = new StringBuilder();
        var gate = new object();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (gate) { output.AppendLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (gate) { output.AppendLine(e.Data); } } };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var timeout = new CancellationTokenSource(TemplateWorkspace.Timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"the step did not finish in {TemplateWorkspace.Timeout}:\n{output}");
        }

        process.WaitForExit();
        lock (gate)
        {
            return new CliResult(process.ExitCode, output.ToString());
        }
    }
}
