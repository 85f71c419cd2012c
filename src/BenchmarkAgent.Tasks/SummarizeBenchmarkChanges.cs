using System.Text;
using BenchmarkAgent.Execution;
using BenchmarkAgent.Persistence;
using BenchmarkAgent.Snapshots;
using Microsoft.Build.Framework;

namespace BenchmarkAgent.Tasks;

/// <summary>
/// <c>BenchmarkAgent_Changes</c>: regenerates every benchmark in memory (writes no snapshot), logs per benchmark and
/// subtask what would be added, removed or edited, and writes the summary as Markdown to <see cref="ChangesFile"/>.
/// </summary>
public sealed class SummarizeBenchmarkChanges : BenchmarkAgentTask
{
    /// <summary>Where the Markdown change summary is written; nothing is written when empty.</summary>
    public string ChangesFile { get; set; } = string.Empty;

    private protected override GenerationProperties Properties() => base.Properties() with { ChangesFile = ChangesFile };

    private protected override void Run(GenerationSettings settings, SnapshotGenerator generator)
    {
        var diffs = new List<SnapshotDiff>();
        foreach (var request in settings.Requests)
        {
            if (TryLoadExisting(generator, request, out var committed) &&
                TryPlan(generator, request) is { } plan &&
                TryGenerate(generator, plan, Fingerprint(request), committed, fraction: 0) is { } regenerated)
            {
                diffs.Add(LogChanges(request.Name, committed, regenerated));
            }
        }

        if (!Log.HasLoggedErrors && settings.ChangesFile.Length > 0)
        {
            WriteChanges(settings.ChangesFile, diffs);
        }
    }

    private SnapshotDiff LogChanges(string benchmark, ExistingSnapshot? committed, BenchmarkSnapshot regenerated)
    {
        var diff = SnapshotDiff.Compute(benchmark, committed?.Items.Items ?? [], regenerated.Items);
        Log.LogMessage(MessageImportance.High, "BenchmarkAgent changes for '{0}'{1}:", benchmark, committed is null ? " (no snapshot yet)" : string.Empty);
        foreach (string line in SnapshotDiffMarkdown.Summary(diff))
        {
            Log.LogMessage(MessageImportance.High, "  {0}", line);
        }

        return diff;
    }

    private void WriteChanges(string path, IReadOnlyList<SnapshotDiff> diffs)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        AtomicFile.WriteAllBytes(path, Encoding.UTF8.GetBytes(SnapshotDiffMarkdown.Render(diffs)));
        Log.LogMessage(MessageImportance.High, "BenchmarkAgent: change summary written to {0}", path);
    }
}
