using System.Globalization;
using System.Text;
using BenchmarkAgent.Execution;
using BenchmarkAgent.Grounding;
using BenchmarkAgent.Persistence;
using BenchmarkAgent.Planning;
using BenchmarkAgent.Snapshots;
using Microsoft.Build.Framework;

namespace BenchmarkAgent.Tasks;

/// <summary>The snapshot lifecycle part of the task: reading the committed snapshot, regenerating against it, and the change summary.</summary>
public sealed partial class GenerateBenchmarks
{
    /// <summary>
    /// Reads the snapshot on disk and checks reviewer edits. Returns false (after logging the code, file and line) when it
    /// is malformed, conflicted, has duplicate ids, an unknown schema, or an edited answer its checker rejects.
    /// </summary>
    private bool TryLoadExisting(BenchmarkGenerator generator, BenchmarkRequest request, out ExistingSnapshot? existing)
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
            Log.LogError(null, ex.Code, null, ex.File, ex.Line, 0, 0, 0, "Benchmark '{0}': {1}", request.Name, ex.Detail);
            existing = null;
            return false;
        }
    }

    /// <summary>Plans and reconciles with <paramref name="existing"/>; logs a quota shortfall, dataset or snapshot problem and returns null.</summary>
    private BenchmarkSnapshot? TryRegenerate(BenchmarkGenerator generator, BenchmarkRequest request, ExistingSnapshot? existing, double fraction, IItemJournal? journal = null)
    {
        try
        {
            return generator.Regenerate(request, existing, fraction, journal);
        }
        catch (QuotaShortfallException ex)
        {
            Log.LogError(null, ErrorCodes.QuotaShortfall, null, ProjectFile, 0, 0, 0, 0, "Benchmark '{0}': {1}", request.Name, ex.Message);
        }
        catch (Exception ex) when (ex is DatasetFormatException or DatasetShortfallException)
        {
            LogPlanFailure(request, ex);
        }
        catch (SnapshotFormatException ex)
        {
            Log.LogError(null, ex.Code, null, ex.File, ex.Line, 0, 0, 0, "Benchmark '{0}': {1}", request.Name, ex.Detail);
        }

        return null;
    }

    private bool TryParseFraction(out double fraction)
    {
        if (RefreshFraction.Trim().Length == 0)
        {
            fraction = RefreshRotation.DefaultFraction;
            return true;
        }

        if (double.TryParse(RefreshFraction.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out fraction) && RefreshRotation.IsValidFraction(fraction))
        {
            return true;
        }

        Log.LogError(null, ErrorCodes.InvalidRefreshFraction, null, ProjectFile, 0, 0, 0, 0,
            "BenchmarkAgentRefreshFraction '{0}' is not a number greater than 0 and at most 1 (the share of items a refresh rotates). Use e.g. -p:BenchmarkAgentRefreshFraction=0.25.",
            RefreshFraction);
        return false;
    }

    private SnapshotDiff LogChanges(BenchmarkRequest request, ExistingSnapshot? committed, BenchmarkSnapshot regenerated)
    {
        var diff = SnapshotDiff.Compute(request.Name, committed?.Items.Items ?? [], regenerated.Items);
        Log.LogMessage(MessageImportance.High, "BenchmarkAgent changes for '{0}'{1}:", request.Name, committed is null ? " (no snapshot yet)" : string.Empty);
        foreach (string line in SnapshotDiffMarkdown.Summary(diff))
        {
            Log.LogMessage(MessageImportance.High, "  {0}", line);
        }

        return diff;
    }

    private void WriteChanges(IReadOnlyList<SnapshotDiff> diffs)
    {
        string path = Path.GetFullPath(ChangesFile);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        AtomicFile.WriteAllBytes(path, Encoding.UTF8.GetBytes(SnapshotDiffMarkdown.Render(diffs)));
        Log.LogMessage(MessageImportance.High, "BenchmarkAgent: change summary written to {0}", path);
    }
}
