using System.Text.Json;
using System.Xml.Linq;
using BenchmarkAgent.Tests.Shared;

namespace BenchmarkAgent.EndToEnd.Tests;

/// <summary>Free-text items judged by an LLM judge over the OpenAI wire, with repeats and the default judge cache.</summary>
public sealed partial class TemplateEndToEndTests
{
    private static readonly string[] Substances = ["water", "iron", "copper", "gold", "silver", "oxygen", "carbon", "helium", "sodium", "calcium", "nitrogen", "argon"];

    [Fact]
    public async Task Free_text_items_get_judge_metrics_in_the_output_and_report_with_repeats_and_a_judge_cache()
    {
        Assert.True(workspace.FirstBuild.ExitCode == 0, workspace.FirstBuild.ToString());
        string project = workspace.CopyProject("Judge.Benchmarks");
        string data = Path.Combine(project, "data", "explain.jsonl");
        Directory.CreateDirectory(Path.GetDirectoryName(data)!);
        await File.WriteAllLinesAsync(data, Substances.Select((s, i) =>
            $$"""{"question": "Explain in two sentences why {{s}} matters in chemistry lesson {{i}}.", "answer": "{{s}} is a common substance studied early on. It shows how elements combine and react in everyday life."}"""),
            TestContext.Current.CancellationToken);
        await AddToProjectAsync(project, "<ItemGroup><GeneratedBenchmark Include=\"explain\" Query=\"explain chemistry substances in sentences\" Quota=\"4\" Datasets=\"data/explain.jsonl\" /></ItemGroup>");
        var build = await DotnetCli.RunAsync(project, workspace.Environment, TemplateWorkspace.Timeout, "build");
        Assert.True(build.ExitCode == 0, build.ToString());
        using var snapshot = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(project, "Benchmarks", "explain", "items.json"), TestContext.Current.CancellationToken));
        var items = snapshot.RootElement.GetProperty("items").EnumerateArray().ToList();
        int freeText = items.Count(i => i.GetProperty("answer").GetProperty("type").GetString() == "freetext");
        Assert.True(freeText > 0, "the dataset subtask produced no free-text items");

        const string judgeSecret = "sk-judge-e2e-secret";
        await using var subject = OpenAiWireServer.Start(r => $"It is a substance people study (take {r.Sequence}).");
        await using var judge = OpenAiWireServer.Start(_ => """
            {"relevance": {"score": 4, "reason": "addresses it"}, "coherence": {"score": 5, "reason": "clear"},
             "fluency": {"score": 5, "reason": "fine"}, "equivalence": {"score": 5, "reason": "same meaning"},
             "completeness": {"score": 3, "reason": "misses the reactions"}}
            """);
        string results = Path.Combine(workspace.Root, "results-judge");
        var env = workspace.Environment;
        env["BENCHAGENT_SUBJECT_ENDPOINT"] = subject.BaseUrl;
        env["BENCHAGENT_SUBJECT_MODEL"] = "e2e-subject";
        env["BENCHAGENT_JUDGE_ENDPOINT"] = judge.BaseUrl;
        env["BENCHAGENT_JUDGE_MODEL"] = "e2e-judge";
        env["BENCHAGENT_JUDGE_API_KEY"] = judgeSecret;
        env["BENCHAGENT_SUBJECT_REPEATS"] = "2";
        env["BENCHAGENT_RESULTS_DIRECTORY"] = results;

        var test = await DotnetCli.RunAsync(
            project, env, TemplateWorkspace.Timeout,
            "test", "--filter", "benchmark=explain", "--logger", "trx;LogFileName=judge.trx", "--results-directory", results);

        // The judge rates equivalence 5, so every item passes although its token F1 is low.
        Assert.True(test.ExitCode == 0, test.ToString());
        // Each explain item was asked twice (the run also starts the other benchmark's calls; the filter only selects tests).
        var prompts = items.Select(i => i.GetProperty("prompt")).Select(p => p.ValueKind == JsonValueKind.Array ? string.Join("\n", p.EnumerateArray().Select(l => l.GetString())) : p.GetString()!).ToList();
        Assert.All(prompts, p => Assert.Equal(2, subject.Requests.Count(r => r.LastUserText == p)));
        Assert.Equal(2 * freeText, judge.Requests.Count);
        Assert.All(judge.Requests, r => Assert.Equal("e2e-judge", r.Model));
        Assert.Equal(2 * freeText, Directory.GetFiles(Path.Combine(project, "obj", "benchagent-cache", "v1", "judge"), "*.json", SearchOption.AllDirectories).Length);

        var trx = XDocument.Load(Directory.GetFiles(results, "judge.trx", SearchOption.AllDirectories).Single());
        XNamespace ns = trx.Root!.Name.Namespace;
        string stdout = string.Join("\n", trx.Descendants(ns + "StdOut").Select(e => (string)e));
        Assert.Contains("metric:   [repeat 0] Equivalence 5 (Exceptional): same meaning", stdout);
        Assert.Contains("metric:   [repeat 1] Completeness 3 (Average, failed): misses the reactions", stdout);
        Assert.Contains("2 of 2 repeats passed (pass@2: yes, majority: yes", stdout);
        string report = await File.ReadAllTextAsync(Path.Combine(results, "report.json"), TestContext.Current.CancellationToken);
        Assert.Contains("\"rating\": \"Exceptional\"", report);
        Assert.Contains("\"passAtK\": true", report);
        Assert.DoesNotContain(judgeSecret, report);
        Assert.DoesNotContain(judgeSecret, test.Output);
        Assert.DoesNotContain(judgeSecret, trx.ToString());
    }
}
