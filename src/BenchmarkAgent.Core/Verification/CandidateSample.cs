using BenchmarkAgent.Families;

namespace BenchmarkAgent.Verification;

/// <summary>A sample on its way to becoming an item, with what the verifiers need to judge it.</summary>
/// <param name="Sample">The generated sample.</param>
/// <param name="Family">
/// The family that generated it, whose independent checker re-derives the answer; <see langword="null"/> for a
/// sample made from a dataset record, which is checked against its <see cref="Solution"/> instead.
/// </param>
/// <param name="Difficulty">The difficulty it was generated at.</param>
internal sealed record CandidateSample(FamilySample Sample, ITaskFamily? Family, Difficulty Difficulty)
{
    /// <summary>The worked solution of a dataset sample whose numbers were re-templated; null otherwise.</summary>
    public string? Solution { get; init; }

    /// <summary>The answer type the sample must have: the family's, or for a dataset sample the one its transformations produced.</summary>
    public AnswerType DeclaredAnswerType => Family?.Card.AnswerType ?? Sample.Answer.Type;
}
