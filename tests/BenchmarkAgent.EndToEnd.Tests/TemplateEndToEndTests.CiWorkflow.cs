using System.Diagnostics;
using System.Text;
using System.Text.Json;
using BenchmarkAgent.Tests.Shared;
using YamlDotNet.RepresentationModel;
using static BenchmarkAgent.EndToEnd.Tests.WorkflowYaml;

namespace BenchmarkAgent.EndToEnd.Tests;

/// <summary>
/// Issue 17, "A CI workflow out of the box": the commands of the workflow <c>dotnet new benchagent --ci github</c> adds
/// (from the packed template) shard and merge the built project for real.
/// </summary>
public sealed partial class TemplateEndToEndTests
{
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
