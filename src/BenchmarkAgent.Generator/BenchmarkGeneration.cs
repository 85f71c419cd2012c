using BenchmarkAgent.Generation;
using System.Diagnostics;
using System.Globalization;
using BenchmarkAgent.Execution;
using BenchmarkAgent.GeneratorProtocol;
using BenchmarkAgent.Grounding;
using BenchmarkAgent.Persistence;
using BenchmarkAgent.Planning;
using BenchmarkAgent.Snapshots;

namespace BenchmarkAgent.Generator;

/// <summary>
/// Generates one benchmark of a request: reads the snapshot on disk, plans, refuses a weak match in strict mode, resumes
/// from and records into the journal, writes the snapshot atomically and deletes the journal. Every outcome becomes a
/// protocol line with the same code and text the task logged when it generated in process.
/// </summary>
internal sealed class BenchmarkGeneration(
    GeneratorRequest request,
    GeneratorBenchmark benchmark,
    IGenerationBackbone backbone,
    GeneratorOutput output,
    ItemCounter counter)
{
    private string Root => request.SnapshotRoot;

    /// <summary>Generates the benchmark; true when its snapshot was written.</summary>
    /// <param name="budget">Cancelled when the wall-time budget runs out (or the build goes away).</param>
    /// <param name="shutdown">Cancelled when the build goes away.</param>
    public async Task<bool> RunAsync(CancellationToken budget, CancellationToken shutdown)
    {
        var stopwatch = Stopwatch.StartNew();
        ExistingSnapshot? existing;
        BenchmarkPlan plan;
        try
        {
            existing = ExistingSnapshot.Load(Root, benchmark.Name);
            plan = await backbone.PlanAsync(ToRequest(), budget).ConfigureAwait(false);
        }
        catch (SnapshotFormatException ex)
        {
            output.Error(ex.Code, $"Benchmark '{benchmark.Name}': {ex.Detail}", ex.File, ex.Line);
            return false;
        }
        catch (DatasetFormatException ex)
        {
            output.Error(ex.Code, $"Benchmark '{benchmark.Name}': {ex.Detail}", ex.File, ex.Line);
            return false;
        }
        catch (DatasetShortfallException ex)
        {
            output.Error(ErrorCodes.DatasetShortfall, $"Benchmark '{benchmark.Name}': {ex.Message}");
            return false;
        }
        catch (UncoveredQueryException ex)
        {
            output.Error(ex.Code, $"Benchmark '{benchmark.Name}': {ex.Message}");
            return false;
        }
        catch (LlmGenerationException ex)
        {
            ReportLlmFailure(ex);
            return false;
        }
        catch (OperationCanceledException) when (budget.IsCancellationRequested)
        {
            ReportCancelled(shutdown, done: 0);
            return false;
        }

        foreach (var notice in plan.Notices)
        {
            output.Warning(notice.Code, $"Benchmark '{benchmark.Name}': {notice.Message} (Silence with <NoWarn>$(NoWarn);{notice.Code}</NoWarn>.)", notice.File, notice.Line);
        }

        DatasetCardCache.Write(request.IntermediateDirectory, plan);
        if (benchmark.Strict && plan.Warnings.Count > 0)
        {
            // Strict: a weak match is an error, decided from the plan alone, before any item is generated.
            foreach (string warning in plan.Warnings)
            {
                output.Error(ErrorCodes.WeakMatchStrict, $"Benchmark '{benchmark.Name}' (Strict=\"true\"): {warning}");
            }

            return false;
        }

        string journalPath = GenerationJournal.PathFor(request.IntermediateDirectory, benchmark.Name);
        using var journal = OpenJournal(journalPath);
        if (journal is null)
        {
            return false;
        }

        IItemJournal recording = request.TestHooks is { } hooks ? new TestHookJournal(journal, hooks, counter) : journal;
        var progress = new LineProgress(output);
        BenchmarkSnapshot snapshot;
        try
        {
            snapshot = await backbone.GenerateAsync(plan, benchmark.Fingerprint, existing, request.RefreshFraction, recording, progress, budget).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is Media.MediaRenderingException || Media.MediaRenderingException.IsNativeLoadFailure(ex))
        {
            output.Error(ErrorCodes.MediaRenderingFailed, $"Benchmark '{benchmark.Name}': a media family could not render an item: {ex.Message} Restore the BenchmarkAgent.Sdk package again (SkiaSharp's native library must be under tools/generator/runtimes/ for this platform), or for spoken items check that 'espeak-ng --version' runs. Items finished so far are kept in {journalPath}.");
            return false;
        }
        catch (QuotaShortfallException ex)
        {
            output.Error(ErrorCodes.QuotaShortfall, $"Benchmark '{benchmark.Name}': {ex.Message}");
            return false;
        }
        catch (SnapshotFormatException ex)
        {
            output.Error(ex.Code, $"Benchmark '{benchmark.Name}': {ex.Detail}", ex.File, ex.Line);
            return false;
        }
        catch (GenerationBudgetExceededException ex)
        {
            output.Error(ex.Code, $"Benchmark '{benchmark.Name}': {ex.Message} The {ex.Finished.Count} items finished so far are kept in {journalPath}: raise the budget and build again to resume from them.");
            return false;
        }
        catch (LlmGenerationException ex)
        {
            ReportLlmFailure(ex);
            return false;
        }
        catch (OperationCanceledException) when (budget.IsCancellationRequested)
        {
            ReportCancelled(shutdown, progress.Done);
            return false;
        }

        foreach (string warning in snapshot.Plan.Warnings)
        {
            output.Warning(ErrorCodes.WeakMatch, $"Benchmark '{benchmark.Name}': {warning} (Silence with <NoWarn>$(NoWarn);{ErrorCodes.WeakMatch}</NoWarn>.)");
        }

        // Temporary files of a killed generation are never read, but must not be committed; the lock makes them leftovers.
        LeftoverTempFiles.Delete(SnapshotLayout.BenchmarkDirectory(Root, benchmark.Name));
        try
        {
            SnapshotWriter.Write(Root, snapshot);
        }
        catch (SnapshotFormatException ex)
        {
            // Media over budget or not at hand: refused before items.json or plan.json is touched; the journal is kept.
            output.Error(ex.Code, $"Benchmark '{benchmark.Name}': {ex.Detail}", ex.File, ex.Line);
            return false;
        }

        journal.Delete();
        output.Message(
            GeneratorLineTypes.High,
            "BenchmarkAgent: generated '{0}': {1} items in {2} subtasks ({3}) in {4} s -> {5}{6}",
            benchmark.Name,
            snapshot.Items.Count,
            snapshot.Plan.Subtasks.Count,
            string.Join(", ", snapshot.Plan.Subtasks.Select(s => $"{s.Name} x{s.Quota}")),
            stopwatch.Elapsed.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture),
            SnapshotLayout.BenchmarkDirectory(Root, benchmark.Name),
            journal.Reused > 0 ? $" ({journal.Reused} items resumed from an interrupted run)" : string.Empty);
        if (request.RefreshFraction > 0 && snapshot.History.Count > 0 && snapshot.History[^1] is { } refresh && refresh.Generation == snapshot.Generation)
        {
            output.Message(
                GeneratorLineTypes.High,
                "BenchmarkAgent: refreshed '{0}' to generation {1}: {2} rotated, {3} kept, {4} edited, {5} excluded.",
                benchmark.Name, refresh.Generation, refresh.Rotated, refresh.Kept, refresh.Edited, refresh.Excluded);
        }

        return true;
    }

    private BenchmarkRequest ToRequest() => new(
        benchmark.Name,
        benchmark.Query,
        benchmark.Quota,
        benchmark.Seed,
        benchmark.Difficulty is null ? null : Enum.Parse<Difficulty>(benchmark.Difficulty, ignoreCase: true))
    {
        Datasets = benchmark.Datasets,
        AllowWeakMatch = benchmark.AllowWeakMatch,
        MediaBudget = new Media.MediaBudget(benchmark.MaxMediaFileBytes, benchmark.MaxMediaBytes),
    };

    /// <summary>The wall-time budget ran out (a shutdown reports nothing: the build is gone or cancelled).</summary>
    private void ReportCancelled(CancellationToken shutdown, int done)
    {
        if (shutdown.IsCancellationRequested)
        {
            return;
        }

        output.Error(ErrorCodes.GenerationBudgetExceeded, string.Format(
            CultureInfo.InvariantCulture,
            "Benchmark '{0}': the generation wall-time budget of {1} s (BenchmarkAgentMaxGenerationSeconds) ran out after {2} of {3} items; no snapshot was written. The finished items are kept in {4}: raise BenchmarkAgentMaxGenerationSeconds and build again to resume from them.",
            benchmark.Name,
            request.Budget.MaxSeconds,
            done,
            benchmark.Quota,
            GenerationJournal.PathFor(request.IntermediateDirectory, benchmark.Name)));
    }

    private GenerationJournal? OpenJournal(string path)
    {
        try
        {
            var journal = GenerationJournal.Open(path, benchmark.Name, benchmark.Fingerprint);
            if (journal.Recovered > 0)
            {
                output.Message(GeneratorLineTypes.Normal, "BenchmarkAgent: resuming '{0}' from {1}: {2} items were accepted before it was interrupted.", benchmark.Name, path, journal.Recovered);
            }

            return journal;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            output.Error(ErrorCodes.IntermediateFileFailed,
                $"BenchmarkAgent cannot create or open {path}: {ex.Message} Make sure the project's obj/ folder (BaseIntermediateOutputPath) is writable, then build again.");
            return null;
        }
    }

    /// <summary>Writes each progress report as a line at once, on the reporting thread.</summary>
    private sealed class LineProgress(GeneratorOutput output) : IProgress<GenerationProgress>
    {
        public int Done { get; private set; }

        public void Report(GenerationProgress value)
        {
            Done = value.Done;
            output.Write(GeneratorLine.Progress(value.Benchmark, value.Stage, value.Done, value.Total));
        }
    }

    /// <summary>Reports a failure of the LLM backbone (a generator call or stage that failed for good) with its own code.</summary>
    private void ReportLlmFailure(LlmGenerationException ex)
    {
        string text = ex.Message.StartsWith(ex.Code + ": ", StringComparison.Ordinal) ? ex.Message[(ex.Code.Length + 2)..] : ex.Message;
        output.Error(ex.Code, $"Benchmark '{benchmark.Name}': {text}");
    }
}
