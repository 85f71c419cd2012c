using BenchmarkAgent.Transformations;

namespace BenchmarkAgent.Grounding;

/// <summary>A dataset paired with a transformation, with its score and decision.</summary>
/// <param name="Dataset">The dataset.</param>
/// <param name="Transformation">The transformation applied to its records.</param>
/// <param name="Score">The score and decision.</param>
internal sealed record GroundingCandidate(Dataset Dataset, ITransformation Transformation, GroundingScore Score);
