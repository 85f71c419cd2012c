using BenchmarkAgent.Persistence;
using BenchmarkAgent.Planning;
using BenchmarkAgent.Snapshots;

namespace BenchmarkAgent.Execution;

/// <summary>
/// A backbone plans a request and realises its plan into a snapshot: the offline one (task families, dataset records and
/// transformations; <see cref="OfflineBackbone"/>) or the LLM one (the generator role). Both keep the same snapshot rules:
/// reconcile with what is on disk, resume from the journal, verify every item.
/// </summary>
internal interface IGenerationBackbone
{
    /// <summary>The name written to plan.json as the backbone (<c>offline</c>, or an LLM identity such as <c>llm:gpt-4o-mini</c>).</summary>
    string Name { get; }

    /// <summary>Plans <paramref name="request"/> without generating items.</summary>
    ValueTask<BenchmarkPlan> PlanAsync(BenchmarkRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// Generates the snapshot of <paramref name="plan"/>, reconciled with <paramref name="existing"/>, resuming from and
    /// recording into <paramref name="journal"/>, and reporting each accepted position to <paramref name="progress"/>.
    /// </summary>
    ValueTask<BenchmarkSnapshot> GenerateAsync(
        BenchmarkPlan plan,
        string fingerprint,
        ExistingSnapshot? existing,
        double refreshFraction,
        IItemJournal? journal,
        IProgress<GenerationProgress>? progress,
        CancellationToken cancellationToken = default);
}
