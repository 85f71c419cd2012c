using BenchmarkAgent.Grounding;

namespace BenchmarkAgent.Transformations;

/// <summary>Permutes the options of a multiple-choice record and recomputes the answer letter.</summary>
internal sealed class OptionShuffle : RecordTransformation
{
    /// <inheritdoc/>
    public override string Name => "option-shuffle";

    /// <inheritdoc/>
    public override double Simplicity => 0.95;

    /// <inheritdoc/>
    public override double Risk => 0.05;

    /// <inheritdoc/>
    public override bool AppliesTo(DatasetRecord record, AnswerType type) =>
        type == AnswerType.Choice && ChoiceOptions.Read(record) is not null;

    /// <inheritdoc/>
    public override TransformedRecord? Transform(DatasetRecord record, AnswerType type, IReadOnlyList<DatasetRecord> pool, DeterministicRandom rng)
    {
        if (ChoiceOptions.Read(record) is not var (stem, options, correct))
        {
            return null;
        }

        string answer = options[correct];
        var shuffled = rng.Shuffle(options);
        // A permutation that leaves the order unchanged tests nothing; retry a few times.
        for (int attempt = 0; attempt < 8 && shuffled.SequenceEqual(options, StringComparer.Ordinal); attempt++)
        {
            shuffled = rng.Shuffle(options);
        }

        var rewritten = record with { Input = stem, Output = ChoiceOptions.Letter(shuffled.IndexOf(answer)) };
        return new TransformedRecord(rewritten.WithField(SampleFields.Choices, string.Join("\n", shuffled)), AnswerType.Choice);
    }
}
