using BenchmarkAgent.Grounding;

namespace BenchmarkAgent.Transformations;

/// <summary>Turns a dataset record into a benchmark sample whose answer is still known exactly.</summary>
internal interface ITransformation
{
    /// <summary>A stable kebab-case name, recorded in <see cref="TransformedSample.Chain"/>.</summary>
    string Name { get; }

    /// <summary>How simple the transformation is, 0..1 (1 = trivially answer-preserving).</summary>
    double Simplicity { get; }

    /// <summary>The risk that it changes what the item measures or breaks the answer, 0..1.</summary>
    double Risk { get; }

    /// <summary>Whether the transformation can be attempted on <paramref name="record"/> of answer type <paramref name="type"/>.</summary>
    bool AppliesTo(DatasetRecord record, AnswerType type);

    /// <summary>Transforms <paramref name="record"/>, drawing randomness only from <paramref name="rng"/>; null when it cannot.</summary>
    /// <param name="record">The record to transform.</param>
    /// <param name="type">The record's answer type.</param>
    /// <param name="pool">Other records of the dataset (distractors, background sentences); may contain <paramref name="record"/>.</param>
    /// <param name="rng">The only source of randomness.</param>
    TransformedSample? Apply(DatasetRecord record, AnswerType type, IReadOnlyList<DatasetRecord> pool, DeterministicRandom rng);
}
