using BenchmarkAgent.Transformations;

namespace BenchmarkAgent.Grounding;

/// <summary>A dataset paired with a transformation, with its score and decision.</summary>
/// <param name="Dataset">The dataset.</param>
/// <param name="Transformation">The transformation applied to its records.</param>
/// <param name="Score">The score and decision.</param>
internal sealed record GroundingCandidate(Dataset Dataset, ITransformation Transformation, GroundingScore Score)
{
    /// <summary>What realising a sample of the records found; null when the candidate was rejected before realisation.</summary>
    public ProbeResult? Probe { get; init; }
}
