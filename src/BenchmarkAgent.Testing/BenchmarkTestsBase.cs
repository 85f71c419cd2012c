using System.Diagnostics;
using BenchmarkAgent.Testing.Running;
using BenchmarkAgent.Testing.Scoring;
using Microsoft.Extensions.AI;
using Xunit;

namespace BenchmarkAgent.Testing;

/// <summary>
/// The test class behind every benchmark project: one theory row per snapshot item, run against the
/// subject and scored. The SDK adds a sealed subclass to the project; derive your own to customise.
/// </summary>
/// <param name="run">The run (an assembly fixture) that resolves the subject and collects results.</param>
public abstract class BenchmarkTestsBase(BenchmarkRun run)
{
    /// <summary>Runs one item: asks the subject, scores the answer, writes prompt, answer, expected and score to the test output.</summary>
    /// <param name="benchmark">The benchmark name.</param>
    /// <param name="itemId">The item id.</param>
    [Theory]
    [BenchmarkItems]
    public async Task Item(string benchmark, string itemId)
    {
        var assembly = GetType().Assembly;
        var item = BenchmarkCatalog.ForAssembly(assembly).Get(benchmark, itemId);
        var subject = run.GetSubject(assembly);
        if (subject.Error is not null)
        {
            Assert.Fail(subject.Error);
        }

        if (subject.Client is not { } client)
        {
            Assert.Skip(subject.SkipReason ?? "No subject is configured.");
            return;
        }

        var output = TestContext.Current.TestOutputHelper;
        output?.WriteLine($"subject:  {subject.Label}");
        output?.WriteLine("prompt:");
        output?.WriteLine(item.Prompt);
        var stopwatch = Stopwatch.StartNew();
        ChatResponse response;
        try
        {
            response = await client.GetResponseAsync(
                BenchmarkPrompt.CreateMessages(item), BenchmarkPrompt.CreateOptions(item), TestContext.Current.CancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Fail closed: an error is never a pass and never a silent skip; the report counts it apart.
            run.Record(new ItemResult(benchmark, item.Subtask, item.Id, Snapshots.SnapshotNames.Difficulty(item.Difficulty), subject.Label, string.Empty, null, ex.GetType().Name + ": " + ex.Message, stopwatch.Elapsed));
            throw;
        }

        var score = Scorers.For(item.Answer.Type).Score(item, response.Text);
        run.Record(new ItemResult(benchmark, item.Subtask, item.Id, Snapshots.SnapshotNames.Difficulty(item.Difficulty), subject.Label, response.Text, score, null, stopwatch.Elapsed));
        output?.WriteLine($"answer:   {response.Text}");
        output?.WriteLine($"extracted: {score.Extracted}");
        output?.WriteLine($"expected: {score.Expected}");
        output?.WriteLine($"score:    {score.Value:0.###} ({(score.Passed ? "pass" : "fail")}) {score.Explanation}");
        Assert.True(score.Passed, $"{benchmark}/{item.Subtask}/{item.Id}: expected {score.Expected}, got '{score.Extracted}' (score {score.Value:0.###}). {score.Explanation}");
    }
}
