using BenchmarkAgent.Families;
using BenchmarkAgent.Persistence;
using BenchmarkAgent.Planning;
using BenchmarkAgent.Snapshots;
using BenchmarkAgent.Verification;

namespace BenchmarkAgent.Execution;

/// <summary>The embedded offline backbone (<see cref="SnapshotGenerator"/>) behind <see cref="IGenerationBackbone"/>.</summary>
internal sealed class OfflineBackbone : IGenerationBackbone
{
    private readonly SnapshotGenerator _generator;

    /// <summary>Creates the offline backbone over <paramref name="families"/> (default: every built-in family).</summary>
    public OfflineBackbone(IReadOnlyList<ITaskFamily>? families = null, CompositeVerifier? verifier = null) =>
        _generator = new SnapshotGenerator(families, verifier);

    /// <summary>The generator this backbone runs (for edit checks and tests).</summary>
    public SnapshotGenerator Generator => _generator;

    /// <inheritdoc />
    public string Name => OfflinePlanner.BackboneName;

    /// <inheritdoc />
    public ValueTask<BenchmarkPlan> PlanAsync(BenchmarkRequest request, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(_generator.Plan(request));
    }

    /// <inheritdoc />
    public ValueTask<BenchmarkSnapshot> GenerateAsync(
        BenchmarkPlan plan,
        string fingerprint,
        ExistingSnapshot? existing,
        double refreshFraction,
        IItemJournal? journal,
        IProgress<GenerationProgress>? progress,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var reporting = progress is null ? journal : new ProgressJournal(journal, plan, progress);
        return ValueTask.FromResult(_generator.Generate(plan, fingerprint, existing, refreshFraction, reporting, cancellationToken));
    }

    /// <summary>Reports every newly accepted position, passing reads and writes through to the real journal (if any).</summary>
    private sealed class ProgressJournal(IItemJournal? inner, BenchmarkPlan plan, IProgress<GenerationProgress> progress) : IItemJournal
    {
        private readonly int _total = plan.Request.Quota;
        private int _done;

        public bool TryGet(string subtask, int index, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out JournalEntry? entry)
        {
            entry = null;
            return inner is not null && inner.TryGet(subtask, index, out entry);
        }

        public void Append(JournalEntry entry)
        {
            inner?.Append(entry);
            progress.Report(new GenerationProgress(plan.Request.Name, "generate", Interlocked.Increment(ref _done), _total));
        }
    }
}
