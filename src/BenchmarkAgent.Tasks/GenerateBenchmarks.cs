using System.Diagnostics;
using System.Globalization;
using BenchmarkAgent.Execution;
using BenchmarkAgent.Grounding;
using BenchmarkAgent.Persistence;
using BenchmarkAgent.Planning;
using BenchmarkAgent.Snapshots;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using MSBuildTask = Microsoft.Build.Utilities.Task;

namespace BenchmarkAgent.Tasks;

/// <summary>
/// Brings every <c>GeneratedBenchmark</c> snapshot up to date: validates all items first (so a bad
/// item writes nothing), skips fresh snapshots, and in locked mode fails on stale ones instead of
/// regenerating.
/// </summary>
public sealed partial class GenerateBenchmarks : MSBuildTask
{
    /// <summary>The <c>GeneratedBenchmark</c> items.</summary>
    [Required]
    public ITaskItem[] Benchmarks { get; set; } = [];

    /// <summary>The absolute snapshot root, normally <c>$(MSBuildProjectDirectory)/Benchmarks</c>.</summary>
    [Required]
    public string SnapshotRoot { get; set; } = string.Empty;

    /// <summary>The project file, used as the location of diagnostics.</summary>
    public string ProjectFile { get; set; } = string.Empty;

    /// <summary>Datasets registered for every benchmark (<c>$(BenchmarkAgentDatasets)</c>): a semicolon list of paths relative to the project directory.</summary>
    public string Datasets { get; set; } = string.Empty;

    /// <summary>Locked (CI) mode: never generate; a missing or stale snapshot is an error.</summary>
    public bool Locked { get; set; }

    /// <summary>The largest quota accepted.</summary>
    public int MaxQuota { get; set; } = 10_000;

    /// <summary>
    /// <c>generate</c> (default), <c>plan</c> (plan only, write nothing), <c>refresh</c> (rotate <see cref="RefreshFraction"/>
    /// of each subtask's items to a new generation, even in fresh snapshots) or <c>changes</c> (regenerate in memory and
    /// summarise what would change; writes only <see cref="ChangesFile"/>).
    /// </summary>
    public string Mode { get; set; } = "generate";

    /// <summary>For <c>refresh</c>: the share of each subtask's rotatable items replaced, 0 &lt; f &lt;= 1 (default 0.25).</summary>
    public string RefreshFraction { get; set; } = string.Empty;

    /// <summary>For <c>changes</c>: where the Markdown change summary is written; nothing is written when empty.</summary>
    public string ChangesFile { get; set; } = string.Empty;

    /// <summary>
    /// The project's intermediate folder, <c>$(BaseIntermediateOutputPath)</c> (shared by every target framework): it holds
    /// the generation lock and the resume journals under <c>benchagent/</c>. Defaults to <c>obj/</c> beside <see cref="ProjectFile"/>.
    /// </summary>
    public string IntermediateDirectory { get; set; } = string.Empty;

    /// <summary>How long to wait for another build that is generating this project's benchmarks, in whole seconds (<c>$(BenchmarkAgentLockTimeoutSeconds)</c>).</summary>
    public string LockTimeoutSeconds { get; set; } = "300";

    /// <summary>The names of the benchmarks this run (re)generated.</summary>
    [Output]
    public ITaskItem[] Generated { get; private set; } = [];

    /// <summary>Wraps each benchmark's journal; only the interrupted-generation test host sets it, to slow generation down.</summary>
    internal Func<IItemJournal, IItemJournal>? JournalDecorator { get; init; }

    /// <inheritdoc />
    public override bool Execute()
    {
        if (Mode is not ("generate" or "plan" or "refresh" or "changes"))
        {
            Log.LogError(null, ErrorCodes.GenerationFailed, null, ProjectFile, 0, 0, 0, 0,
                "BenchmarkAgentMode '{0}' is not supported; use generate, plan, refresh or changes.", Mode);
            return false;
        }

        if (!int.TryParse(LockTimeoutSeconds, NumberStyles.None, CultureInfo.InvariantCulture, out int lockTimeoutSeconds) || lockTimeoutSeconds > MaxLockTimeoutSeconds)
        {
            Log.LogError(null, ErrorCodes.InvalidLockTimeout, null, ProjectFile, 0, 0, 0, 0,
                "BenchmarkAgentLockTimeoutSeconds '{0}' is not a whole number of seconds from 0 to {1}; e.g. <BenchmarkAgentLockTimeoutSeconds>300</BenchmarkAgentLockTimeoutSeconds>.",
                LockTimeoutSeconds, MaxLockTimeoutSeconds);
            return false;
        }

        double fraction = 0;
        if (Mode == "refresh" && !TryParseFraction(out fraction))
        {
            return false;
        }

        var strict = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        string projectDirectory = ProjectFile.Length > 0
            ? Path.GetDirectoryName(Path.GetFullPath(ProjectFile)) ?? Directory.GetCurrentDirectory()
            : Directory.GetCurrentDirectory();
        var (requests, problems) = BenchmarkItemValidator.Validate(Benchmarks, MaxQuota, strict, projectDirectory, Datasets);
        foreach (var problem in problems)
        {
            Log.LogError(null, problem.Code, null, ProjectFile, 0, 0, 0, 0, problem.Message);
        }

        if (problems.Count > 0)
        {
            return false;
        }

        string intermediate = IntermediateDirectory.Length > 0 ? Path.GetFullPath(IntermediateDirectory) : Path.Combine(projectDirectory, "obj");
        var generator = new BenchmarkGenerator();
        var generated = new List<ITaskItem>();
        var diffs = new List<SnapshotDiff>();
        using var generationLock = new HeldLock();
        foreach (var request in requests)
        {
            if (Mode == "plan")
            {
                if (TryPlan(generator, request) is { } plan)
                {
                    LogPlan(plan);
                }

                continue;
            }

            string planPath = SnapshotLayout.PlanPath(SnapshotRoot, request.Name);
            string fingerprint = InputFingerprint.Compute(request);
            string? recorded;
            try
            {
                recorded = SnapshotReader.ReadFingerprint(planPath);
            }
            catch (SnapshotFormatException ex)
            {
                if (Locked)
                {
                    Log.LogError(null, ex.Code, null, ex.File, ex.Line, 0, 0, 0, "Benchmark '{0}': {1}", request.Name, ex.Detail);
                    continue;
                }

                recorded = null;
            }

            if (Mode == "changes")
            {
                if (TryLoadExisting(generator, request, out var committed) && TryRegenerate(generator, request, committed, 0) is { } regenerated)
                {
                    diffs.Add(LogChanges(request, committed, regenerated));
                }

                continue;
            }

            bool fresh = recorded == fingerprint && File.Exists(SnapshotLayout.ItemsPath(SnapshotRoot, request.Name));
            ExistingSnapshot? existing = null;
            if (fresh && Mode != "refresh")
            {
                // Fresh, but a reviewer may have edited or excluded items: check their work, and apply it unless locked.
                if (!TryLoadExisting(generator, request, out existing))
                {
                    continue;
                }

                if (Locked || existing is null || !existing.HasPendingCuration(request.Quota))
                {
                    Log.LogMessage(MessageImportance.Normal, "BenchmarkAgent: '{0}' is up to date.", request.Name);
                    continue;
                }
            }

            if (Locked)
            {
                string relative = Path.Combine(Path.GetFileName(SnapshotRoot), request.Name);
                if (recorded is null)
                {
                    Log.LogError(null, ErrorCodes.MissingSnapshotLocked, null, ProjectFile, 0, 0, 0, 0,
                        "Benchmark '{0}' has no snapshot in {1}/ and the build is locked (CI), so nothing is generated. Run 'dotnet build' locally without CI=true to generate it, then commit {1}/.",
                        request.Name, relative);
                }
                else
                {
                    Log.LogError(null, ErrorCodes.StaleSnapshotLocked, null, ProjectFile, 0, 0, 0, 0,
                        "Benchmark '{0}' has a stale snapshot in {1}/: its Query, Quota, Seed, Difficulty, datasets or the engine changed since it was generated, and the build is locked (CI), so nothing is regenerated. Run 'dotnet build' locally without CI=true, review the diff, and commit {1}/.",
                        request.Name, relative);
                }

                continue;
            }

            // One build generates at a time; one that waited finds what the other generated fresh.
            if (generationLock.Lock is null)
            {
                generationLock.Lock = EnterLock(GenerationLock.PathFor(intermediate), lockTimeoutSeconds);
                if (generationLock.Lock is null)
                {
                    break;
                }

                if (Mode != "refresh" && !fresh && IsFreshNow(request.Name, fingerprint))
                {
                    Log.LogMessage(MessageImportance.Normal, "BenchmarkAgent: '{0}' is up to date: another build generated it first.", request.Name);
                    continue;
                }

                // Another build may have written the snapshot while this one waited: read it again under the lock.
                existing = null;
            }

            if ((existing is not null || TryLoadExisting(generator, request, out existing)) &&
                Generate(generator, request, strict.Contains(request.Name), existing, fraction, fingerprint, intermediate))
            {
                generated.Add(new TaskItem(request.Name));
            }
        }

        Generated = generated.ToArray();
        if (Mode == "changes" && !Log.HasLoggedErrors && ChangesFile.Length > 0)
        {
            WriteChanges(diffs);
        }

        return !Log.HasLoggedErrors;
    }

    private bool Generate(BenchmarkGenerator generator, BenchmarkRequest request, bool strict, ExistingSnapshot? existing, double fraction, string fingerprint, string intermediate)
    {
        if (strict)
        {
            // Strict: a weak match is an error, decided from the plan alone, before any item is generated.
            if (TryPlan(generator, request) is not { } plan)
            {
                return false;
            }

            if (plan.Warnings.Count > 0)
            {
                foreach (string warning in plan.Warnings)
                {
                    Log.LogError(null, ErrorCodes.WeakMatchStrict, null, ProjectFile, 0, 0, 0, 0,
                        "Benchmark '{0}' (Strict=\"true\"): {1}", request.Name, warning);
                }

                return false;
            }
        }

        var stopwatch = Stopwatch.StartNew();
        using var journal = OpenJournal(GenerationJournal.PathFor(intermediate, request.Name), request.Name, fingerprint);
        if (journal is null)
        {
            return false;
        }

        if (TryRegenerate(generator, request, existing, fraction, JournalDecorator?.Invoke(journal) ?? journal) is not { } snapshot)
        {
            return false;
        }

        foreach (string warning in snapshot.Plan.Warnings)
        {
            Log.LogWarning(null, ErrorCodes.WeakMatch, null, ProjectFile, 0, 0, 0, 0,
                "Benchmark '{0}': {1} (Silence with <NoWarn>$(NoWarn);{2}</NoWarn>.)", request.Name, warning, ErrorCodes.WeakMatch);
        }

        // Temporary files of a killed generation are never read, but must not be committed; the lock makes them leftovers.
        LeftoverTempFiles.Delete(SnapshotLayout.BenchmarkDirectory(SnapshotRoot, request.Name));
        SnapshotWriter.Write(SnapshotRoot, snapshot);
        journal.Delete();
        Log.LogMessage(
            MessageImportance.High,
            "BenchmarkAgent: generated '{0}': {1} items in {2} subtasks ({3}) in {4} s -> {5}{6}",
            request.Name,
            snapshot.Items.Count,
            snapshot.Plan.Subtasks.Count,
            string.Join(", ", snapshot.Plan.Subtasks.Select(s => $"{s.Name} x{s.Quota}")),
            stopwatch.Elapsed.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture),
            SnapshotLayout.BenchmarkDirectory(SnapshotRoot, request.Name),
            journal.Reused > 0 ? $" ({journal.Reused} items resumed from an interrupted run)" : string.Empty);
        if (fraction > 0 && snapshot.History.Count > 0 && snapshot.History[^1] is { } refresh && refresh.Generation == snapshot.Generation)
        {
            Log.LogMessage(
                MessageImportance.High,
                "BenchmarkAgent: refreshed '{0}' to generation {1}: {2} rotated, {3} kept, {4} edited, {5} excluded.",
                request.Name, refresh.Generation, refresh.Rotated, refresh.Kept, refresh.Edited, refresh.Excluded);
        }

        return true;
    }

    /// <summary>Plans <paramref name="request"/>; logs an unreadable dataset or a dataset shortfall and returns null.</summary>
    private BenchmarkPlan? TryPlan(BenchmarkGenerator generator, BenchmarkRequest request)
    {
        try
        {
            return generator.Plan(request);
        }
        catch (Exception ex) when (ex is DatasetFormatException or DatasetShortfallException)
        {
            LogPlanFailure(request, ex);
            return null;
        }
    }

    private void LogPlanFailure(BenchmarkRequest request, Exception ex)
    {
        if (ex is DatasetFormatException format)
        {
            Log.LogError(null, ErrorCodes.MalformedDataset, null, format.File, format.Line, 0, 0, 0, "Benchmark '{0}': {1}", request.Name, format.Detail);
        }
        else
        {
            Log.LogError(null, ErrorCodes.DatasetShortfall, null, ProjectFile, 0, 0, 0, 0, "Benchmark '{0}': {1}", request.Name, ex.Message);
        }
    }

    private void LogPlan(BenchmarkPlan plan)
    {
        Log.LogMessage(MessageImportance.High, "BenchmarkAgent plan for '{0}' (quota {1}, seed {2}, backbone {3}):",
            plan.Request.Name, plan.Request.Quota, plan.Request.Seed, plan.Backbone);
        foreach (var subtask in plan.Subtasks)
        {
            Log.LogMessage(MessageImportance.High, "  {0,-28} quota {1,5}  relevance {2:0.00}  {3}",
                subtask.Name, subtask.Quota, subtask.Relevance, subtask.Rationale);
        }

        foreach (string warning in plan.Warnings)
        {
            Log.LogWarning(null, ErrorCodes.WeakMatch, null, ProjectFile, 0, 0, 0, 0, "Benchmark '{0}': {1}", plan.Request.Name, warning);
        }
    }
}
