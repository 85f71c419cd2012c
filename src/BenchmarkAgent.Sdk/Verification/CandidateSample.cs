using BenchmarkAgent.Families;

namespace BenchmarkAgent.Verification;

/// <summary>A sample on its way to becoming an item, with what the verifiers need to judge it.</summary>
/// <param name="Sample">The generated sample.</param>
/// <param name="Family">The family that generated it, whose independent checker re-derives the answer.</param>
/// <param name="Difficulty">The difficulty it was generated at.</param>
public sealed record CandidateSample(FamilySample Sample, ITaskFamily Family, Difficulty Difficulty);
