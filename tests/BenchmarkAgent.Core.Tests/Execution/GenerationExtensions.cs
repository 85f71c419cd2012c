using BenchmarkAgent.Execution;
using BenchmarkAgent.Persistence;
using BenchmarkAgent.Planning;
using BenchmarkAgent.Snapshots;

namespace BenchmarkAgent.Core.Tests;

/// <summary>
/// The production generation path (<see cref="SnapshotGenerator.Generate"/>) from a request, as the build task calls it:
/// plan, compute the fingerprint once, generate.
/// </summary>
internal static class GenerationExtensions
{
    public static BenchmarkSnapshot Generate(this SnapshotGenerator generator, BenchmarkRequest request, CancellationToken cancellationToken) =>
        generator.Generate(request, journal: null, cancellationToken);

    public static BenchmarkSnapshot Generate(this SnapshotGenerator generator, BenchmarkRequest request, IItemJournal? journal, CancellationToken cancellationToken) =>
        generator.Generate(generator.Plan(request), InputFingerprint.Compute(request), journal: journal, cancellationToken: cancellationToken);

    public static BenchmarkSnapshot Regenerate(
        this SnapshotGenerator generator, BenchmarkRequest request, ExistingSnapshot? existing, double refreshFraction = 0, CancellationToken cancellationToken = default) =>
        generator.Generate(generator.Plan(request), InputFingerprint.Compute(request), existing, refreshFraction, cancellationToken: cancellationToken);
}
