using BenchmarkAgent.Execution;
using BenchmarkAgent.Families;
using BenchmarkAgent.Grounding;
using BenchmarkAgent.Persistence;
using BenchmarkAgent.Planning;
using BenchmarkAgent.Snapshots;
using Microsoft.Build.Framework;
using MSBuildTask = Microsoft.Build.Utilities.Task;

namespace BenchmarkAgent.Tasks;

/// <summary>
/// The shared base of the BenchmarkAgent tasks (one per public target): reads the settings and validates every
/// <c>GeneratedBenchmark</c> item first, so a bad property or item logs its errors and writes nothing, then runs the
/// target's work. User mistakes are logged with their BA code, never thrown.
/// </summary>
public abstract class BenchmarkAgentTask : MSBuildTask
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

    /// <summary>The largest quota accepted (<c>$(BenchmarkAgentMaxQuota)</c>); empty for 10000.</summary>
    public string MaxQuota { get; set; } = string.Empty;

    /// <summary>The most bytes one media file may have (<c>$(BenchmarkAgentMaxMediaFileBytes)</c>); empty for 1 MiB.</summary>
    public string MaxMediaFileBytes { get; set; } = string.Empty;

    /// <summary>The most bytes all media files of one benchmark may have (<c>$(BenchmarkAgentMaxMediaBytes)</c>); empty for 64 MiB.</summary>
    public string MaxMediaBytes { get; set; } = string.Empty;

    /// <summary>Hashes a dataset's content for the input fingerprint; only tests replace it, to count dataset reads.</summary>
    internal Func<string, string> DatasetHasher { get; set; } = InputFingerprint.ContentHash;

    /// <inheritdoc />
    public override bool Execute()
    {
        var settings = GenerationSettings.Parse(Benchmarks, Properties());
        foreach (var warning in settings.Warnings)
        {
            Log.LogWarning(subcategory: null, warning.Code, helpKeyword: null, ProjectFile, 0, 0, 0, 0, warning.Message);
        }

        foreach (var problem in settings.Problems)
        {
            Log.LogError(subcategory: null, problem.Code, helpKeyword: null, ProjectFile, 0, 0, 0, 0, problem.Message);
        }

        if (settings.Problems.Count == 0)
        {
            Run(settings, new SnapshotGenerator(CardOnlyFamily.WithMediaCards(Environment.GetEnvironmentVariable("PATH"))));
        }

        return !Log.HasLoggedErrors;
    }

    /// <summary>The properties this task was given, as text; a task with more properties adds them.</summary>
    private protected virtual GenerationProperties Properties() => new(ProjectFile, Datasets, MaxQuota)
    {
        MaxMediaFileBytes = MaxMediaFileBytes,
        MaxMediaBytes = MaxMediaBytes,
    };

    /// <summary>The target's work over valid settings; logs what goes wrong.</summary>
    private protected abstract void Run(GenerationSettings settings, SnapshotGenerator generator);

    /// <summary>The request's input fingerprint: computed once per benchmark and build, since it re-hashes every dataset file.</summary>
    private protected string Fingerprint(BenchmarkRequest request) => InputFingerprint.Compute(request, DatasetHasher);

    /// <summary>Plans <paramref name="request"/>; logs an unreadable dataset or a dataset shortfall and returns null.</summary>
    private protected BenchmarkPlan? TryPlan(SnapshotGenerator generator, BenchmarkRequest request)
    {
        try
        {
            return generator.Plan(request);
        }
        catch (Exception ex) when (ex is DatasetFormatException or DatasetShortfallException or UncoveredQueryException)
        {
            LogPlanFailure(request, ex);
            return null;
        }
    }

    /// <summary>
    /// Reads the snapshot on disk and checks reviewer edits. Returns false (after logging the code, file and line) when it
    /// is malformed, conflicted, has duplicate ids, an unknown schema, or an edited answer its checker rejects.
    /// </summary>
    private protected bool TryLoadExisting(SnapshotGenerator generator, BenchmarkRequest request, out ExistingSnapshot? existing)
    {
        try
        {
            existing = ExistingSnapshot.Load(SnapshotRoot, request.Name);
            if (existing is not null)
            {
                generator.CheckEdits(existing);
            }

            return true;
        }
        catch (SnapshotFormatException ex)
        {
            LogSnapshotFormat(request, ex);
            existing = null;
            return false;
        }
    }

    /// <summary>Generates <paramref name="plan"/> against <paramref name="existing"/>; logs a quota shortfall or snapshot problem and returns null.</summary>
    private protected BenchmarkSnapshot? TryGenerate(
        SnapshotGenerator generator, BenchmarkPlan plan, string fingerprint, ExistingSnapshot? existing, double fraction, IItemJournal? journal = null)
    {
        try
        {
            return generator.Generate(plan, fingerprint, existing, fraction, journal);
        }
        catch (QuotaShortfallException ex)
        {
            Log.LogError(subcategory: null, ErrorCodes.QuotaShortfall, helpKeyword: null, ProjectFile, 0, 0, 0, 0, "Benchmark '{0}': {1}", plan.Request.Name, ex.Message);
        }
        catch (SnapshotFormatException ex)
        {
            LogSnapshotFormat(plan.Request, ex);
        }
        catch (FamilyUnavailableException ex)
        {
            Log.LogWarning(subcategory: null, ErrorCodes.MediaFamilyNotHere, helpKeyword: null, ProjectFile, 0, 0, 0, 0, "Benchmark '{0}': {1}", plan.Request.Name, ex.Message[(ErrorCodes.MediaFamilyNotHere.Length + 2)..]);
        }

        return null;
    }

    /// <summary>Logs a snapshot file problem at its file and line.</summary>
    private protected void LogSnapshotFormat(BenchmarkRequest request, SnapshotFormatException ex) =>
        Log.LogError(subcategory: null, ex.Code, helpKeyword: null, ex.File, ex.Line, 0, 0, 0, "Benchmark '{0}': {1}", request.Name, ex.Detail);

    private void LogPlanFailure(BenchmarkRequest request, Exception ex)
    {
        if (ex is DatasetFormatException format)
        {
            Log.LogError(subcategory: null, format.Code, helpKeyword: null, format.File, format.Line, 0, 0, 0, "Benchmark '{0}': {1}", request.Name, format.Detail);
        }
        else
        {
            string code = ex is UncoveredQueryException uncovered ? uncovered.Code : ErrorCodes.DatasetShortfall;
            Log.LogError(subcategory: null, code, helpKeyword: null, ProjectFile, 0, 0, 0, 0, "Benchmark '{0}': {1}", request.Name, ex.Message);
        }
    }

    /// <summary>Logs the plan's coded notices (a dataset left out of the pool) as warnings at their file.</summary>
    private protected void LogNotices(BenchmarkPlan plan)
    {
        foreach (var notice in plan.Notices)
        {
            Log.LogWarning(subcategory: null, notice.Code, helpKeyword: null, notice.File, notice.Line, 0, 0, 0,
                "Benchmark '{0}': {1} (Silence with <NoWarn>$(NoWarn);{2}</NoWarn>.)", plan.Request.Name, notice.Message, notice.Code);
        }
    }
}
