using System.Text;
using BenchmarkAgent.Testing.Baselines;
using BenchmarkAgent.Testing.Running;
using BenchmarkAgent.Testing.Scoring;
using Microsoft.Extensions.AI;
using Xunit;
using BenchmarkAgent.Testing.TestCases;
using BenchmarkAgent.Testing.Results;
using BenchmarkAgent.Testing.Settings;

namespace BenchmarkAgent.Testing;

/// <summary>
/// The test class behind every benchmark project: one theory row per snapshot item, run against the
/// subject and scored. The SDK adds a sealed subclass to the project; derive your own to customise.
/// </summary>
/// <param name="run">The run (an assembly fixture) that resolves the subject and collects results.</param>
/// <remarks>The item tests run before the gates (<see cref="ItemsBeforeGatesOrderer"/>), so each gate reads what the items recorded.</remarks>
[TestMethodOrderer(typeof(ItemsBeforeGatesOrderer))]
public abstract partial class BenchmarkTestsBase(BenchmarkRun run)
{
    /// <summary>The run shared by the item and gate tests.</summary>
    private BenchmarkRun Run => run;

    /// <summary>Runs one item: asks the subject, scores the answer, writes prompt, answer, expected and score to the test output.</summary>
    /// <param name="benchmark">The benchmark name.</param>
    /// <param name="itemId">The item id.</param>
    [Theory]
    [BenchmarkItems]
    public async Task Item(string benchmark, string itemId)
    {
        if (await RunItemAsync(benchmark, itemId) is { } skip)
        {
            Assert.Skip(skip);
        }
    }

    /// <summary>
    /// The body of <see cref="Item"/>: fails like it, and returns why the item is skipped (a modality the subject does
    /// not declare; recorded for the reports already), or <see langword="null"/> when it ran. xUnit cannot observe a
    /// caught skip, so tests call this to see the skip.
    /// </summary>
    internal async Task<string?> RunItemAsync(string benchmark, string itemId)
    {
        var assembly = GetType().Assembly;
        var catalog = BenchmarkCatalog.ForAssembly(assembly);
        if (benchmark == BenchmarkItemsAttribute.EmptyRunRow)
        {
            FailEmptyRun(catalog, run.EmptyRuns);
        }

        var item = catalog.Get(benchmark, itemId);
        if (run.Merging)
        {
            return MergedItem(catalog, benchmark, item); // BENCHAGENT_MERGE: the result comes from the shard files, not the subject
        }

        var subject = RequireSubject(assembly);

        // The output is collected and written once when the test ends (one message instead of one per line).
        var output = new StringBuilder();
        try
        {
            output.AppendLine($"subject:  {subject.Label}");
            output.AppendLine("prompt:");
            output.AppendLine(item.Prompt);
            foreach (var media in item.Media)
            {
                output.AppendLine($"media:    {DisplayText.Escape(media.Path)} ({media.MediaType}, {media.Length} bytes, sha256 {media.Sha256[..16]})");
            }
            var outcome = await run.EvaluateAsync(assembly, benchmark, item, TestContext.Current.CancellationToken);
            ItemOutput.WriteMetrics(outcome.Metrics, output);
            var result = ItemResults.From(benchmark, item, subject.Label, outcome, run.MaxAnswerChars);
            if (outcome.SkipReason is { } skip)
            {
                // Counted apart in the reports; under CI=true a run that skips every item evaluates nothing and fails.
                run.Record(result);
                output.AppendLine($"skipped:  {skip}");
                FailIfEverythingSkipped(assembly, subject);
                return skip;
            }

            if (BenchmarkRun.IsBatchPending(outcome.Error))
            {
                // Waiting in a provider batch: neither a pass nor a failure; a later run collects the answer.
                output.AppendLine($"pending:  {outcome.Error!.Message}");
                return outcome.Error.Message;
            }

            if (outcome.Error is { } error)
            {
                // Fail closed: an error is never a pass and never a silent skip; the report counts it apart.
                run.Record(result with { Verdict = ItemVerdict.Error });
                output.AppendLine($"error:    {error.GetType().Name}: {error.Message}");
                Assert.Fail($"{DisplayText.Escape($"{benchmark}/{item.Subtask}/{item.Id}")}: the call failed: {error.GetType().Name}: {error.Message}");
            }

            var judgement = run.Baselines.Judge(catalog.Location(benchmark), subject.Label, item.Id, result.Score!.Passed);
            run.Record(result with { Verdict = judgement.Verdict });
            WriteScoreAndAssert(output, benchmark, item, result, judgement);
            return null;
        }
        finally
        {
            TestContext.Current.TestOutputHelper?.Write(output.ToString());
        }
    }

    /// <summary>
    /// Writes a scored item's answer, extraction, expectation, score, tokens and baseline note, then fails the test as a
    /// run does: on a baseline error, and on a failure the baseline does not already know (a regression says so).
    /// </summary>
    private static void WriteScoreAndAssert(StringBuilder output, string benchmark, BenchmarkAgent.Items.BenchmarkItem item, ItemResult result, ItemJudgement judgement)
    {
        var score = result.Score!;
        output.AppendLine($"answer:   {result.Response}");
        output.AppendLine($"extracted: {score.Extracted}");
        output.AppendLine($"expected: {score.Expected}");
        output.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"score:    {score.Value:0.###} ({(score.Passed ? "pass" : "fail")}) {score.Explanation}");
        if (result.Tokens is { } tokens)
        {
            output.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"tokens:   {tokens.InputTokens} in, {tokens.OutputTokens} out");
        }

        if (judgement.Note is { } note)
        {
            output.AppendLine(note);
        }

        if (judgement.BaselineError is { } baselineError)
        {
            Assert.Fail(baselineError);
        }

        string regression = judgement.Verdict == ItemVerdict.Regression ? "REGRESSION (passed in the baseline): " : string.Empty;
        Assert.False(judgement.FailsTest, $"{regression}{DisplayText.Escape($"{benchmark}/{item.Subtask}/{item.Id}")}: expected {score.Expected}, got '{score.Extracted}' (score {score.Value:0.###}). {score.Explanation}");
    }

    /// <summary>The configured subject; fails the test on a configuration error and skips it when no subject is set.</summary>
    private SubjectResolution RequireSubject(System.Reflection.Assembly assembly)
    {
        var subject = run.GetSubject(assembly);
        if (subject.Error is not null)
        {
            Assert.Fail(subject.Error);
        }

        if (subject.Client is null)
        {
            var policy = run.EmptyRuns;
            if (policy.Error is not null)
            {
                Assert.Fail(policy.Error.Text);
            }

            if (policy.FailsEmptyRuns)
            {
                Assert.Fail($"{ErrorCodes.NoSubjectInCi}: CI=true and no subject is configured, so this run would evaluate nothing. {subject.SkipReason} To let such a run pass, set {EmptyRunPolicy.AllowEmptyRunVariable}=true.");
            }

            Assert.Skip(subject.SkipReason ?? "No subject is configured.");
        }

        return subject;
    }

    /// <summary>Under <c>CI=true</c> (without the opt-out), fails when every item of the run needs a modality the subject does not declare.</summary>
    private void FailIfEverythingSkipped(System.Reflection.Assembly assembly, SubjectResolution subject)
    {
        var policy = run.EmptyRuns;
        if (policy.Error is not null)
        {
            Assert.Fail(policy.Error.Text);
        }

        if (policy.FailsEmptyRuns && run.EveryItemSkippedForModality(assembly, out int items))
        {
            Assert.Fail(Media.ModalitySkip.EveryItemSkipped(items, "this run", subject.Label, subject.Modalities));
        }
    }

    /// <summary>The row that stands for "nothing could be evaluated" under CI=true: fails with what could not be read.</summary>
    private static void FailEmptyRun(BenchmarkCatalog catalog, EmptyRunPolicy policy)
    {
        if (policy.Error is not null)
        {
            Assert.Fail(policy.Error.Text);
        }

        string what = catalog.Problems.Count > 0
            ? "these benchmark snapshots could not be read: " + string.Join("; ", catalog.Problems)
            : "the project declares no GeneratedBenchmark items, or their snapshots are empty";
        Assert.Fail($"{ErrorCodes.NothingToEvaluate}: CI=true and {what}. Rebuild (dotnet test without --no-build copies the snapshots), or regenerate and commit them; to let such a run pass, set {EmptyRunPolicy.AllowEmptyRunVariable}=true.");
    }
}
