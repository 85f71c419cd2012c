using System.Globalization;
using BenchmarkAgent.Execution;
using BenchmarkAgent.GeneratorProtocol;
using BenchmarkAgent.Persistence;
using BenchmarkAgent.Planning;
using BenchmarkAgent.Snapshots;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace BenchmarkAgent.Tasks;

/// <summary>
/// The shared work of <see cref="GenerateBenchmarks"/> and <see cref="RefreshBenchmarks"/>: brings every snapshot up to
/// date under the project's generation lock, resuming from the journal of an interrupted run; skips fresh snapshots
/// (unless refreshing), and in locked mode fails on stale ones instead of regenerating.
/// </summary>
public abstract partial class SnapshotGenerationTask : BenchmarkAgentTask, ICancelableTask
{
    /// <summary>Locked (CI) mode: never generate; a missing or stale snapshot is an error.</summary>
    public bool Locked { get; set; }

    /// <summary>
    /// The project's intermediate folder, <c>$(BaseIntermediateOutputPath)</c> (shared by every target framework): it holds
    /// the generation lock and the resume journals under <c>benchagent/</c>. Defaults to <c>obj/</c> beside <see cref="BenchmarkAgentTask.ProjectFile"/>.
    /// </summary>
    public string IntermediateDirectory { get; set; } = string.Empty;

    /// <summary>How long to wait for another build that is generating this project's benchmarks, in whole seconds (<c>$(BenchmarkAgentLockTimeoutSeconds)</c>).</summary>
    public string LockTimeoutSeconds { get; set; } = GenerationSettings.DefaultLockTimeoutSeconds.ToString(CultureInfo.InvariantCulture);

    /// <summary>The names of the benchmarks this run (re)generated.</summary>
    [Output]
    public ITaskItem[] Generated { get; private set; } = [];

    /// <summary>True for a refresh: fresh snapshots are regenerated too, rotating a share of their items.</summary>
    private protected abstract bool Refreshing { get; }

    private protected override GenerationProperties Properties() => base.Properties() with
    {
        Locked = Locked,
        Generator = Generator,
        MaxGeneratorRequests = MaxGeneratorRequests,
        MaxGeneratorTokens = MaxGeneratorTokens,
        MaxGenerationSeconds = MaxGenerationSeconds,
        IntermediateDirectory = IntermediateDirectory,
        LockTimeoutSeconds = LockTimeoutSeconds,
    };

    private protected override void Run(GenerationSettings settings, SnapshotGenerator generator)
    {
        var generated = new List<ITaskItem>();
        var stale = new List<GeneratorBenchmark>();
        using var generationLock = new HeldLock();
        foreach (var request in settings.Requests)
        {
            var backbone = ResolveBackbone(settings, request);
            string fingerprint = Fingerprint(request, backbone.Identity);
            string? recorded;
            try
            {
                recorded = SnapshotReader.ReadFingerprint(SnapshotLayout.PlanPath(SnapshotRoot, request.Name));
            }
            catch (SnapshotFormatException ex)
            {
                if (settings.Locked)
                {
                    LogSnapshotFormat(request, ex);
                    continue;
                }

                recorded = null;
            }

            bool fresh = IsCurrent(request, backbone, fingerprint, recorded) && File.Exists(SnapshotLayout.ItemsPath(SnapshotRoot, request.Name));
            ExistingSnapshot? existing = null;
            if (fresh && !Refreshing)
            {
                // Fresh, but a reviewer may have edited or excluded items: check their work, and apply it unless locked.
                if (!TryLoadExisting(generator, request, out existing))
                {
                    continue;
                }

                if (existing is not null && !MediaIntact(request, existing))
                {
                    continue;
                }

                if (settings.Locked && existing is not null && !MatchesPlan(request, existing))
                {
                    continue;
                }

                if (settings.Locked || existing is null || !existing.HasPendingCuration(request.Quota))
                {
                    Log.LogMessage(MessageImportance.Normal, "BenchmarkAgent: '{0}' is up to date.", request.Name);
                    continue;
                }
            }

            if (settings.Locked)
            {
                // A plan.json without its items.json is a missing snapshot (BA0101), not a stale one.
                LogLocked(request, recorded is null || !File.Exists(SnapshotLayout.ItemsPath(SnapshotRoot, request.Name)));
                continue;
            }

            // One build generates at a time; one that waited finds what the other generated fresh.
            if (generationLock.Lock is null)
            {
                generationLock.Lock = EnterLock(GenerationLock.PathFor(settings.IntermediateDirectory), settings.LockTimeoutSeconds);
                if (generationLock.Lock is null)
                {
                    break;
                }

                if (!Refreshing && !fresh && IsFreshNow(SnapshotRoot, request.Name, fingerprint))
                {
                    Log.LogMessage(MessageImportance.Normal, "BenchmarkAgent: '{0}' is up to date: another build generated it first.", request.Name);
                    continue;
                }

                // Another build may have written the snapshot while this one waited: read it again under the lock.
                existing = null;
            }

            // The generator program reads the snapshot, plans, generates and writes; a fresh benchmark never gets here.
            if (backbone.Problem is { } problem)
            {
                Log.LogError(subcategory: null, problem.Code, helpKeyword: null, ProjectFile, 0, 0, 0, 0, problem.Message);
                continue;
            }

            stale.Add(ToGeneratorBenchmark(settings, request, backbone, fingerprint));
        }

        if (stale.Count > 0)
        {
            generated.AddRange(RunGenerator(settings, stale).Select(name => new TaskItem(name)));
        }

        Generated = generated.ToArray();
    }

    /// <summary>The CI lock's check that a fresh snapshot holds what its plan says (BA0110-BA0112); logs and returns false when not.</summary>
    private bool MatchesPlan(BenchmarkRequest request, ExistingSnapshot existing)
    {
        var problems = SnapshotConsistency.Check(existing, request.Seed, request.Quota);
        foreach (var (code, message) in problems)
        {
            Log.LogError(subcategory: null, code, helpKeyword: null, existing.Items.Path, 0, 0, 0, 0,
                "Benchmark '{0}': the committed snapshot does not match its plan.json, and the build is locked (CI): {1}. Restore it, or run 'dotnet build' locally without CI=true, review the diff, and commit {2}/.",
                request.Name, message, Path.Combine(Path.GetFileName(SnapshotRoot), request.Name));
        }

        return problems.Count == 0;
    }

    /// <summary>
    /// The freshness check's and the CI lock's media check: every media file items.json references is in <c>media/</c>,
    /// unchanged (BA0260-BA0262, errors naming the item); a file no item references is a BA0263 warning. False on an error.
    /// </summary>
    private bool MediaIntact(BenchmarkRequest request, ExistingSnapshot existing)
    {
        string directory = SnapshotLayout.BenchmarkDirectory(SnapshotRoot, request.Name);
        bool intact = true;
        foreach (var problem in Media.MediaFolder.Check(directory, existing.Items.Items))
        {
            if (problem.IsWarning)
            {
                Log.LogWarning(subcategory: null, problem.Code, helpKeyword: null, existing.Items.Path, 0, 0, 0, 0,
                    "Benchmark '{0}': {1}", request.Name, problem.Message);
                continue;
            }

            intact = false;
            Log.LogError(subcategory: null, problem.Code, helpKeyword: null, existing.Items.Path, 0, 0, 0, 0,
                "Benchmark '{0}': {1}", request.Name, problem.Message);
        }

        return intact;
    }

    private void LogLocked(BenchmarkRequest request, bool missing)
    {
        string relative = Path.Combine(Path.GetFileName(SnapshotRoot), request.Name);
        if (missing)
        {
            Log.LogError(subcategory: null, ErrorCodes.MissingSnapshotLocked, helpKeyword: null, ProjectFile, 0, 0, 0, 0,
                "Benchmark '{0}' has no snapshot in {1}/ and the build is locked (CI), so nothing is generated. Run 'dotnet build' locally without CI=true to generate it, then commit {1}/.",
                request.Name, relative);
        }
        else
        {
            Log.LogError(subcategory: null, ErrorCodes.StaleSnapshotLocked, helpKeyword: null, ProjectFile, 0, 0, 0, 0,
                "Benchmark '{0}' has a stale snapshot in {1}/: its Query, Quota, Seed, Difficulty, datasets or the engine changed since it was generated, and the build is locked (CI), so nothing is regenerated. Run 'dotnet build' locally without CI=true, review the diff, and commit {1}/.",
                request.Name, relative);
        }
    }
}
