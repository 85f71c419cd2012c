using BenchmarkAgent.Execution;
using BenchmarkAgent.Families;
using BenchmarkAgent.Planning;
using BenchmarkAgent.Snapshots;

namespace BenchmarkAgent;

/// <summary>
/// The whole offline pipeline for one request: plan, execute (generate and verify), and assemble the
/// snapshot. Pure: writing the snapshot is the caller's (or <see cref="SnapshotWriter"/>'s) job.
/// </summary>
public sealed class BenchmarkGenerator
{
    private readonly OfflinePlanner _planner;
    private readonly BenchmarkExecutor _executor;

    /// <summary>Creates a generator over <paramref name="families"/> (default: <see cref="BuiltInTaskFamilies.All"/>).</summary>
    public BenchmarkGenerator(IReadOnlyList<ITaskFamily>? families = null)
    {
        families ??= BuiltInTaskFamilies.All;
        _planner = new OfflinePlanner(new FamilyCatalog(families));
        _executor = new BenchmarkExecutor(families);
    }

    /// <summary>Plans <paramref name="request"/> without generating items.</summary>
    public BenchmarkPlan Plan(BenchmarkRequest request) => _planner.Plan(request);

    /// <summary>Plans and generates <paramref name="request"/>.</summary>
    public BenchmarkSnapshot Generate(BenchmarkRequest request, CancellationToken cancellationToken = default) =>
        Generate(request, journal: null, cancellationToken);

    /// <summary>Plans and generates <paramref name="request"/>, resuming from (and recording into) <paramref name="journal"/>.</summary>
    public BenchmarkSnapshot Generate(BenchmarkRequest request, IItemJournal? journal, CancellationToken cancellationToken = default)
    {
        var plan = _planner.Plan(request);
        var result = _executor.Execute(plan, journal, cancellationToken);
        return new BenchmarkSnapshot(plan, result.Reports, InputFingerprint.Compute(request), result.Items);
    }
}
