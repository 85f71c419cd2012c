using BenchmarkAgent.Families;

namespace BenchmarkAgent.Generation.Execution;

/// <summary>One candidate sample of a position, as the step loop builds it. Immutable: a failed step keeps the previous one.</summary>
/// <param name="Sample">The rendered sample.</param>
/// <param name="Source">The item's source (a family, a dataset record, or the generator model).</param>
/// <param name="Family">The family that realised it, whose checker re-derives the answer; null otherwise.</param>
/// <param name="Draft">The model's draft in parts (model-written samples only), so packaging fixes can be applied.</param>
internal sealed record Candidate(FamilySample Sample, ItemSource Source, ITaskFamily? Family, SampleDraft? Draft)
{
    /// <summary>The passage, when the sample has one.</summary>
    public string? Context { get; init; }

    /// <summary>The worked solution of a re-templated dataset sample; null otherwise.</summary>
    public string? Solution { get; init; }

    /// <summary>The record hash of a dataset sample; null otherwise.</summary>
    public string? RecordHash { get; init; }

    /// <summary>The transformations and fixes applied, in order.</summary>
    public IReadOnlyList<string> Steps { get; init; } = [];
}
