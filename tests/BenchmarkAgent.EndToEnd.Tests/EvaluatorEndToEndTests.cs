using System.Text.Json;
using System.Xml.Linq;

namespace BenchmarkAgent.EndToEnd.Tests;

/// <summary>A project registers its own Microsoft.Extensions.AI.Evaluation evaluator and sees its metrics in the test output and the reports.</summary>
public sealed partial class TemplateEndToEndTests
{
    /// <summary>The project's evaluator, as a user would write it: one numeric, one boolean and one string metric.</summary>
    private const string EvaluatorSource = """
        using Microsoft.Extensions.AI;
        using Microsoft.Extensions.AI.Evaluation;

        [assembly: BenchmarkAgent.Testing.BenchmarkEvaluator(typeof(Acme.Benchmarks.AnswerShapeEvaluator))]

        namespace Acme.Benchmarks;

        public sealed class AnswerShapeEvaluator : IEvaluator
        {
            public IReadOnlyCollection<string> EvaluationMetricNames => ["Answer words", "Names the answer", "Judge seen"];

            public ValueTask<EvaluationResult> EvaluateAsync(
                IEnumerable<ChatMessage> messages,
                ChatResponse modelResponse,
                ChatConfiguration? chatConfiguration = null,
                IEnumerable<EvaluationContext>? additionalContext = null,
                CancellationToken cancellationToken = default)
            {
                int words = modelResponse.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
                bool named = modelResponse.Text.StartsWith("Answer:", StringComparison.Ordinal);
                return new(new EvaluationResult(
                    new NumericMetric("Answer words", words, "words in the answer") { Interpretation = new EvaluationMetricInterpretation(EvaluationRating.Good) },
                    new BooleanMetric("Names the answer", named) { Interpretation = new EvaluationMetricInterpretation(named ? EvaluationRating.Good : EvaluationRating.Poor, failed: !named) },
                    new StringMetric("Judge seen", chatConfiguration is null ? "none" : "configured")));
            }
        }
        """;

    [Fact]
    public async Task A_project_evaluator_registered_in_code_reports_its_metrics_in_the_test_output_and_report_json()
    {
        Assert.True(workspace.FirstBuild.ExitCode == 0, workspace.FirstBuild.ToString());
        string project = workspace.CopyProject("Evaluator.Benchmarks");
        await File.WriteAllTextAsync(Path.Combine(project, "AnswerShapeEvaluator.cs"), EvaluatorSource, TestContext.Current.CancellationToken);
        var items = ReadItems(project);
        string results = Path.Combine(workspace.Root, "results-evaluator");
        // Locked mode, as in CI: the copied snapshot is fresh, so nothing is generated.
        var env = workspace.Environment;
        env["CI"] = "true";
        var build = await DotnetCli.RunAsync(project, env, TemplateWorkspace.Timeout, "build");
        Assert.True(build.ExitCode == 0, build.ToString());

        CliResult test;
        await using (var server = ControlledServer(items, wrong: []))
        {
            env = SubjectEnvironment(server, "e2e-evaluated-model", results);
            env["CI"] = "true";
            test = await DotnetCli.RunAsync(
                project, env, TemplateWorkspace.Timeout,
                "test", "--no-build", "--logger", "trx;LogFileName=evaluator.trx", "--logger", "console;verbosity=detailed", "--results-directory", results);
        }

        // Every item is answered correctly: the project's metrics never change a verdict.
        Assert.True(test.ExitCode == 0, test.ToString());
        var first = items[0];
        int firstWords = $"Answer: {first.Answer}".Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        string firstLine = $"metric:   [repeat 0] Answer words {firstWords} (Good): words in the answer";
        Assert.Contains(firstLine, test.Output, StringComparison.Ordinal);
        Assert.Contains("metric:   [repeat 0] Names the answer true (Good)", test.Output, StringComparison.Ordinal);
        Assert.Contains("metric:   [repeat 0] Judge seen none (Unknown)", test.Output, StringComparison.Ordinal);
        var trx = XDocument.Load(Directory.GetFiles(results, "evaluator.trx", SearchOption.AllDirectories).Single());
        XNamespace ns = trx.Root!.Name.Namespace;
        var firstResult = trx.Descendants(ns + "UnitTestResult").Single(r => ((string)r.Attribute("testName")!).StartsWith($"arithmetic/{first.Subtask}/{first.Id}", StringComparison.Ordinal));
        Assert.Contains(firstLine, (string?)firstResult.Descendants(ns + "StdOut").FirstOrDefault() ?? string.Empty, StringComparison.Ordinal);

        using var report = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(results, "report.json"), TestContext.Current.CancellationToken));
        var reported = report.RootElement.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(items.Count, reported.Count);
        Assert.All(reported, r => Assert.Equal(3, r.GetProperty("metrics").GetArrayLength()));
        var firstMetrics = reported.Single(r => r.GetProperty("itemId").GetString() == first.Id).GetProperty("metrics").EnumerateArray().ToList();
        var answerWords = firstMetrics.Single(m => m.GetProperty("name").GetString() == "Answer words");
        Assert.Equal(firstWords, answerWords.GetProperty("value").GetDouble());
        Assert.Equal("Numeric", answerWords.GetProperty("kind").GetString());
        Assert.True(firstMetrics.Single(m => m.GetProperty("name").GetString() == "Names the answer").GetProperty("booleanValue").GetBoolean());
        var summary = report.RootElement.GetProperty("benchmarks")[0].GetProperty("metrics").EnumerateArray().Single();
        Assert.Equal("Answer words", summary.GetProperty("name").GetString());
        Assert.Equal(items.Count, summary.GetProperty("count").GetInt32());
        string markdown = await File.ReadAllTextAsync(Path.Combine(results, "report.md"), TestContext.Current.CancellationToken);
        Assert.Contains("| **arithmetic** | Answer words |", markdown, StringComparison.Ordinal);
        string html = await File.ReadAllTextAsync(Path.Combine(results, "report.html"), TestContext.Current.CancellationToken);
        Assert.Contains("data-metric=\"Answer words\"", html, StringComparison.Ordinal);
    }
}
