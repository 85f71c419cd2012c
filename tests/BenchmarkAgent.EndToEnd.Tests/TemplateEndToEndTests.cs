using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using BenchmarkAgent.Tests.Shared;

namespace BenchmarkAgent.EndToEnd.Tests;

/// <summary>The newcomer's path, for real: pack, template, build (generate), build (no-op), test against a model.</summary>
public sealed partial class TemplateEndToEndTests(TemplateWorkspace workspace) : IClassFixture<TemplateWorkspace>
{
    [Fact]
    public async Task First_build_generates_the_snapshot_and_a_second_build_changes_nothing()
    {
        Assert.True(workspace.FirstBuild.ExitCode == 0, workspace.FirstBuild.ToString());
        Assert.Contains("BenchmarkAgent: generated 'arithmetic': 40 items", workspace.FirstBuild.Output);
        Assert.True(File.Exists(Path.Combine(workspace.SnapshotDirectory, "plan.json")));
        Assert.Equal(40, ReadItems(workspace.ProjectDirectory).Count);
        var before = TemplateWorkspace.SourceFiles(workspace.ProjectDirectory);

        var second = await DotnetCli.RunAsync(workspace.ProjectDirectory, workspace.Environment, TemplateWorkspace.Timeout, "build", "-v:n");

        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.DoesNotContain("BenchmarkAgent: generated", second.Output);
        Assert.Matches("Skipping target \"_BenchmarkAgentGenerate\" because all output files are up-to-date", second.Output);
        Assert.Equal(before, TemplateWorkspace.SourceFiles(workspace.ProjectDirectory));
    }

    [Fact]
    public async Task Dotnet_test_runs_every_item_against_an_openai_wire_server_and_reports_exact_counts()
    {
        Assert.True(workspace.FirstBuild.ExitCode == 0, workspace.FirstBuild.ToString());
        var items = ReadItems(workspace.ProjectDirectory);
        // The server answers every third item (in snapshot order) correctly and the rest wrongly.
        var answers = items.Select((item, index) => (item.Prompt, Answer: index % 3 == 0 ? item.Answer : WrongAnswer(item))).ToDictionary(p => p.Prompt, p => p.Answer);
        int expectedPassed = items.Where((_, index) => index % 3 == 0).Count();
        const string secret = "sk-e2e-secret-do-not-print";
        await using var server = OpenAiWireServer.Start(request =>
            answers.TryGetValue(request.LastUserText, out string? answer) ? $"Let me think.\nAnswer: {answer}" : "I do not know this item.");
        string results = Path.Combine(workspace.Root, "results-wire");
        var env = workspace.Environment;
        env["BENCHAGENT_SUBJECT_ENDPOINT"] = server.BaseUrl;
        env["BENCHAGENT_SUBJECT_MODEL"] = "e2e-model";
        env["BENCHAGENT_SUBJECT_API_KEY"] = secret;
        env["BENCHAGENT_RESULTS_DIRECTORY"] = results;

        // Listing the tests (discovery only) never calls the subject.
        var listed = await DotnetCli.RunAsync(workspace.ProjectDirectory, env, TemplateWorkspace.Timeout, "test", "--list-tests");
        Assert.True(listed.ExitCode == 0, listed.ToString());
        Assert.Contains("The following Tests are available", listed.Output, StringComparison.Ordinal);
        Assert.Empty(server.Requests);

        var test = await DotnetCli.RunAsync(
            workspace.ProjectDirectory, env, TemplateWorkspace.Timeout,
            "test", "--logger", "trx;LogFileName=e2e.trx", "--results-directory", results);

        Assert.NotEqual(0, test.ExitCode); // wrong answers are failing tests
        var summary = Summary().Match(test.Output);
        Assert.True(summary.Success, test.ToString());
        Assert.Equal(items.Count - expectedPassed, int.Parse(summary.Groups["failed"].Value));
        // + 1: the benchmark's gate test passes (no MinScore, no baseline to drop from).
        Assert.Equal(expectedPassed + 1, int.Parse(summary.Groups["passed"].Value));
        Assert.Equal("0", summary.Groups["skipped"].Value);

        // Every item reached the server once, as the configured model, with the key as a bearer token.
        Assert.Equal(items.Count, server.Requests.Count);
        Assert.All(server.Requests, r => Assert.Equal("e2e-model", r.Model));
        Assert.All(server.Requests, r => Assert.Equal("Bearer " + secret, r.Authorization));

        // Test names and per-item output: prompt, answer, expected answer and score.
        var trx = XDocument.Load(Directory.GetFiles(results, "e2e.trx", SearchOption.AllDirectories).Single());
        XNamespace ns = trx.Root!.Name.Namespace;
        var outcomes = trx.Descendants(ns + "UnitTestResult").ToList();
        Assert.Equal(items.Count + 1, outcomes.Count);
        var first = items[0];
        var firstResult = outcomes.Single(r => ((string)r.Attribute("testName")!).StartsWith($"arithmetic/{first.Subtask}/{first.Id}", StringComparison.Ordinal));
        Assert.Equal("Passed", (string)firstResult.Attribute("outcome")!);
        string stdout = (string?)firstResult.Descendants(ns + "StdOut").FirstOrDefault() ?? string.Empty;
        Assert.Contains("subject:  e2e-model", stdout);
        Assert.Contains(first.Prompt.Split('\n')[0], stdout);
        Assert.Contains($"expected: {first.Answer}", stdout);
        Assert.Contains("score:    1 (pass)", stdout);
        Assert.Contains(outcomes, r => (string)r.Attribute("outcome")! == "Failed" && ((string?)r.Descendants(ns + "StdOut").FirstOrDefault() ?? string.Empty).Contains("score:    0 (fail)", StringComparison.Ordinal));

        // The Markdown report shows the scores; the key is nowhere.
        string report = await File.ReadAllTextAsync(Path.Combine(results, "report.md"), TestContext.Current.CancellationToken);
        Assert.Contains($"| **arithmetic** | {items.Count} | {expectedPassed} | 0 |", report);
        Assert.DoesNotContain(secret, test.Output);
        Assert.DoesNotContain(secret, report);
        Assert.DoesNotContain(secret, await File.ReadAllTextAsync(Path.Combine(results, "report.json"), TestContext.Current.CancellationToken));
        Assert.DoesNotContain(secret, trx.ToString());
        // The HTML report has a bar per subtask and a row per item, and no key either.
        string html = await File.ReadAllTextAsync(Path.Combine(results, "report.html"), TestContext.Current.CancellationToken);
        Assert.Equal(items.Count, System.Text.RegularExpressions.Regex.Count(html, "<tr class=\"(pass|fail|error)\">"));
        Assert.Equal(items.Select(i => i.Subtask).Distinct().Count(), System.Text.RegularExpressions.Regex.Count(html, "<g class=\"subtask-bar\""));
        Assert.DoesNotContain(secret, html);
    }

    [Fact]
    public async Task Dotnet_test_without_a_subject_skips_every_item_saying_what_to_set()
    {
        Assert.True(workspace.FirstBuild.ExitCode == 0, workspace.FirstBuild.ToString());

        var test = await DotnetCli.RunAsync(workspace.ProjectDirectory, workspace.Environment, TemplateWorkspace.Timeout, "test", "--logger", "console;verbosity=normal");

        Assert.True(test.ExitCode == 0, test.ToString());
        Assert.Matches(@"Total tests: 41\s+Skipped: 41", test.Output); // 40 items and the gate
        Assert.Contains("No subject model is configured. Set BENCHAGENT_SUBJECT_ENDPOINT", test.Output);
    }

    [Fact]
    public async Task Locked_build_accepts_a_fresh_snapshot_and_fails_a_stale_one_with_BA0102()
    {
        Assert.True(workspace.FirstBuild.ExitCode == 0, workspace.FirstBuild.ToString());
        string project = workspace.CopyProject("Locked.Benchmarks");
        var env = workspace.Environment;
        env["CI"] = "true";

        var fresh = await DotnetCli.RunAsync(project, env, TemplateWorkspace.Timeout, "build");
        Assert.True(fresh.ExitCode == 0, fresh.ToString());
        Assert.DoesNotContain("BenchmarkAgent: generated", fresh.Output);

        string csproj = Path.Combine(project, "Acme.Benchmarks.csproj");
        await File.WriteAllTextAsync(csproj, (await File.ReadAllTextAsync(csproj, TestContext.Current.CancellationToken)).Replace("Quota=\"40\"", "Quota=\"45\"", StringComparison.Ordinal), TestContext.Current.CancellationToken);
        var before = TemplateWorkspace.SourceFiles(project);

        var stale = await DotnetCli.RunAsync(project, env, TemplateWorkspace.Timeout, "build");

        Assert.NotEqual(0, stale.ExitCode);
        Assert.Contains("error BA0102", stale.Output);
        Assert.Contains("Benchmark 'arithmetic' has a stale snapshot", stale.Output);
        Assert.Contains("Run 'dotnet build' locally without CI=true", stale.Output);
        Assert.Equal(before, TemplateWorkspace.SourceFiles(project));
    }

    [Fact]
    public async Task With_several_benchmarks_a_second_build_still_skips_generation()
    {
        Assert.True(workspace.FirstBuild.ExitCode == 0, workspace.FirstBuild.ToString());
        string project = workspace.CopyProject("Several.Benchmarks");
        await AddToProjectAsync(project, "<ItemGroup>\n    <GeneratedBenchmark Include=\"dates\" Query=\"Date arithmetic: days between dates\" Quota=\"9\" />\n    <GeneratedBenchmark Include=\"logic\" Query=\"Knights and knaves logic puzzles\" Quota=\"7\" />\n  </ItemGroup>");

        var first = await DotnetCli.RunAsync(project, workspace.Environment, TemplateWorkspace.Timeout, "build");
        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Contains("generated 'dates': 9 items", first.Output);
        Assert.Contains("generated 'logic': 7 items", first.Output);
        Assert.DoesNotContain("generated 'arithmetic'", first.Output); // its snapshot was already fresh
        var before = TemplateWorkspace.SourceFiles(project);

        var second = await DotnetCli.RunAsync(project, workspace.Environment, TemplateWorkspace.Timeout, "build", "-v:n");

        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Contains("Skipping target \"_BenchmarkAgentGenerate\" because all output files are up-to-date", second.Output);
        Assert.Equal(before, TemplateWorkspace.SourceFiles(project));

        File.Delete(Path.Combine(project, "Benchmarks", "logic", "items.json"));
        var third = await DotnetCli.RunAsync(project, workspace.Environment, TemplateWorkspace.Timeout, "build");
        Assert.True(third.ExitCode == 0, third.ToString());
        Assert.Contains("generated 'logic': 7 items", third.Output);
        // Regenerated byte-for-byte: same hashes for every file.
        Assert.Equal(before.ToDictionary(p => p.Key, p => p.Value.Hash), TemplateWorkspace.SourceFiles(project).ToDictionary(p => p.Key, p => p.Value.Hash));
    }

    [Fact]
    public async Task A_registered_dataset_grounds_a_subtask_and_a_changed_record_regenerates_only_its_benchmark()
    {
        Assert.True(workspace.FirstBuild.ExitCode == 0, workspace.FirstBuild.ToString());
        // The GSM8K sample committed with the engine tests (40 real records, MIT): no data from outside the checkout.
        string gsm8k = Path.Combine(TemplateWorkspace.RepositoryRoot(), "tests", "BenchmarkAgent.Core.Tests", "Fixtures", "gsm8k", "test.jsonl");

        string project = workspace.CopyProject("Dataset.Benchmarks");
        string data = Path.Combine(project, "data", "gsm8k", "test.jsonl");
        Directory.CreateDirectory(Path.GetDirectoryName(data)!);
        File.Copy(gsm8k, data);
        await AddToProjectAsync(project, "<ItemGroup><GeneratedBenchmark Include=\"gsm\" Query=\"Grade school math word problems robustness\" Quota=\"12\" Datasets=\"data/gsm8k/test.jsonl\" /></ItemGroup>");

        var first = await DotnetCli.RunAsync(project, workspace.Environment, TemplateWorkspace.Timeout, "build");
        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Contains("generated 'gsm': 12 items", first.Output);
        string plan = await File.ReadAllTextAsync(Path.Combine(project, "Benchmarks", "gsm", "plan.json"), TestContext.Current.CancellationToken);
        Assert.Contains("\"source\": \"dataset:", plan);
        Assert.Contains("\"grounding\": {", plan);
        string items = await File.ReadAllTextAsync(Path.Combine(project, "Benchmarks", "gsm", "items.json"), TestContext.Current.CancellationToken);
        Assert.Contains("\"source\": \"dataset:", items);

        // Edit one record of the dataset: the dataset is an input, so the next build regenerates 'gsm' only.
        var lines = await File.ReadAllLinesAsync(data, TestContext.Current.CancellationToken);
        lines[0] = lines[0].Replace("16 eggs", "17 eggs", StringComparison.Ordinal);
        await File.WriteAllLinesAsync(data, lines, TestContext.Current.CancellationToken);
        var second = await DotnetCli.RunAsync(project, workspace.Environment, TemplateWorkspace.Timeout, "build");

        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Contains("generated 'gsm'", second.Output);
        Assert.DoesNotContain("generated 'arithmetic'", second.Output);
    }

    [Fact]
    public async Task Bad_input_fails_the_real_build_with_its_code_and_writes_no_files()
    {
        Assert.True(workspace.FirstBuild.ExitCode == 0, workspace.FirstBuild.ToString());
        string project = workspace.CopyProject("Bad.Benchmarks");
        await AddToProjectAsync(project, "<ItemGroup><GeneratedBenchmark Include=\"dates\" Query=\"Date arithmetic\" Quota=\"-3\" /></ItemGroup>");
        var before = TemplateWorkspace.SourceFiles(project);

        var build = await DotnetCli.RunAsync(project, workspace.Environment, TemplateWorkspace.Timeout, "build");

        Assert.NotEqual(0, build.ExitCode);
        Assert.Contains("error BA0002", build.Output);
        Assert.Contains("GeneratedBenchmark 'dates' has Quota '-3'", build.Output);
        Assert.False(Directory.Exists(Path.Combine(project, "Benchmarks", "dates")));
        Assert.Equal(before, TemplateWorkspace.SourceFiles(project));
    }

    [Fact]
    public async Task A_recorded_baseline_makes_old_failures_known_and_a_worse_model_fails_with_exact_counts()
    {
        Assert.True(workspace.FirstBuild.ExitCode == 0, workspace.FirstBuild.ToString());
        string project = workspace.CopyProject("Baseline.Benchmarks");
        var items = ReadItems(project);
        const string model = "e2e/baseline-model";
        // Recorded model: every 4th item wrong (10 failures). Worse model: also wrong on the first 12 items the recorded one got right.
        var recordedWrong = Enumerable.Range(0, items.Count).Where(i => i % 4 == 0).ToHashSet();
        var worseWrong = recordedWrong.Union(Enumerable.Range(0, items.Count).Where(i => i % 4 != 0).Take(12)).ToHashSet();
        string results = Path.Combine(workspace.Root, "results-baseline");
        string baseline = Path.Combine(project, "Benchmarks", "arithmetic", "baselines", "e2e-baseline-model.json");

        // The convenience target runs 'dotnet test' with BENCHAGENT_RECORD_BASELINE=true; recording, wrong answers do not fail.
        CliResult record;
        await using (var server = ControlledServer(items, recordedWrong))
        {
            record = await DotnetCli.RunAsync(project, SubjectEnvironment(server, model, results), TemplateWorkspace.Timeout, "build", "-t:BenchmarkAgent_RecordBaseline");
        }

        Assert.True(record.ExitCode == 0, record.ToString());
        string recorded = await File.ReadAllTextAsync(baseline, TestContext.Current.CancellationToken);
        Assert.Contains("\"subject\": \"e2e/baseline-model\",\n  \"passed\": 30,\n  \"total\": 40,", recorded);
        Assert.Equal(10, recorded.Split('\n').Count(l => l.Contains("\"passed\": false", StringComparison.Ordinal)));

        CliResult worse;
        await using (var server = ControlledServer(items, worseWrong))
        {
            worse = await DotnetCli.RunAsync(project, SubjectEnvironment(server, model, results), TemplateWorkspace.Timeout, "test");
        }

        // 12 regressions and the gate fail; 18 steady passes and 10 known failures pass.
        Assert.NotEqual(0, worse.ExitCode);
        var summary = Summary().Match(worse.Output);
        Assert.True(summary.Success, worse.ToString());
        Assert.Equal(("13", "28", "0"), (summary.Groups["failed"].Value, summary.Groups["passed"].Value, summary.Groups["skipped"].Value));
        Assert.Contains("b=12 regressions, c=0 improvements", worse.Output);
        Assert.Contains("p=0.000488 (alpha 0.05) -> SIGNIFICANT drop", worse.Output);
        string report = await File.ReadAllTextAsync(Path.Combine(results, "report.md"), TestContext.Current.CancellationToken);
        Assert.Contains("| **arithmetic** | 12 | 10 | 0 | 12 / 0 | 0.0005 | – | **FAIL** |", report);

        // Locked mode refuses to record and leaves the committed baseline alone.
        CliResult locked;
        await using (var server = ControlledServer(items, worseWrong))
        {
            var env = SubjectEnvironment(server, model, results);
            env["BENCHAGENT_RECORD_BASELINE"] = "true";
            env["CI"] = "true";
            locked = await DotnetCli.RunAsync(project, env, TemplateWorkspace.Timeout, "test");
        }

        Assert.NotEqual(0, locked.ExitCode);
        Assert.Contains("BA2055", locked.Output);
        Assert.Equal(recorded, await File.ReadAllTextAsync(baseline, TestContext.Current.CancellationToken));

        var lockedEnv = workspace.Environment;
        lockedEnv["CI"] = "true";
        var lockedTarget = await DotnetCli.RunAsync(project, lockedEnv, TemplateWorkspace.Timeout, "build", "-t:BenchmarkAgent_RecordBaseline");
        Assert.NotEqual(0, lockedTarget.ExitCode);
        Assert.Contains("error BA2055: BenchmarkAgent_RecordBaseline does not run in a locked (CI) build", lockedTarget.Output);
        Assert.Equal(recorded, await File.ReadAllTextAsync(baseline, TestContext.Current.CancellationToken));
    }

    /// <summary>A wire server that answers item i of the snapshot wrongly when i is in <paramref name="wrong"/>, correctly otherwise.</summary>
    private static OpenAiWireServer ControlledServer(List<SnapshotItem> items, HashSet<int> wrong)
    {
        var answers = items.Select((item, i) => (item.Prompt, Answer: wrong.Contains(i) ? WrongAnswer(item) : item.Answer)).ToDictionary(p => p.Prompt, p => p.Answer);
        return OpenAiWireServer.Start(request => answers.TryGetValue(request.LastUserText, out string? answer) ? $"Answer: {answer}" : "I do not know this item.");
    }

    private Dictionary<string, string?> SubjectEnvironment(OpenAiWireServer server, string model, string results)
    {
        var env = workspace.Environment;
        env["BENCHAGENT_SUBJECT_ENDPOINT"] = server.BaseUrl;
        env["BENCHAGENT_SUBJECT_MODEL"] = model;
        env["BENCHAGENT_SUBJECT_API_KEY"] = "sk-e2e";
        env["BENCHAGENT_RESULTS_DIRECTORY"] = results;
        return env;
    }

    /// <summary>Adds XML (e.g. an ItemGroup) at the end of the copied project's file.</summary>
    private static async Task AddToProjectAsync(string project, string xml)
    {
        string csproj = Path.Combine(project, "Acme.Benchmarks.csproj");
        string text = await File.ReadAllTextAsync(csproj, TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(csproj, text.Replace("</Project>", "  " + xml + "\n</Project>", StringComparison.Ordinal), TestContext.Current.CancellationToken);
    }

    private static string WrongAnswer(SnapshotItem item) => item.Type switch
    {
        "number" => (decimal.Parse(item.Answer, System.Globalization.CultureInfo.InvariantCulture) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
        "choice" => item.Answer == "A" ? "B" : "A",
        _ => "definitely-wrong",
    };

    private sealed record SnapshotItem(string Id, string Subtask, string Prompt, string Type, string Answer);

    /// <summary>Reads the snapshot as a reviewer's tool would: plain JSON, multi-line text as arrays of lines.</summary>
    private static List<SnapshotItem> ReadItems(string project)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(project, "Benchmarks", "arithmetic", "items.json")));
        return doc.RootElement.GetProperty("items").EnumerateArray().Select(e =>
        {
            var prompt = e.GetProperty("prompt");
            string text = prompt.ValueKind == JsonValueKind.Array ? string.Join("\n", prompt.EnumerateArray().Select(l => l.GetString())) : prompt.GetString()!;
            var answer = e.GetProperty("answer");
            return new SnapshotItem(e.GetProperty("id").GetString()!, e.GetProperty("subtask").GetString()!, text, answer.GetProperty("type").GetString()!, answer.GetProperty("value").GetString()!);
        }).ToList();
    }

    [GeneratedRegex(@"Failed:\s+(?<failed>\d+), Passed:\s+(?<passed>\d+), Skipped:\s+(?<skipped>\d+), Total:\s+(?<total>\d+)")]
    private static partial Regex Summary();
}
