using BenchmarkAgent.Grounding;

namespace BenchmarkAgent.Transformations;

/// <summary>
/// A transformation that rewrites a record into another record, so that several can be chained; the
/// final record is rendered into a prompt (stem, options, instruction) by <see cref="Apply"/>.
/// </summary>
internal abstract class RecordTransformation : ITransformation
{
    /// <inheritdoc/>
    public abstract string Name { get; }

    /// <inheritdoc/>
    public abstract double Simplicity { get; }

    /// <inheritdoc/>
    public abstract double Risk { get; }

    /// <summary>The names recorded in <see cref="TransformedSample.Chain"/> for this transformation.</summary>
    public virtual IReadOnlyList<string> ChainNames => [Name];

    /// <inheritdoc/>
    public abstract bool AppliesTo(DatasetRecord record, AnswerType type);

    /// <summary>Rewrites <paramref name="record"/>; null when it cannot. Called only when <see cref="AppliesTo"/> is true.</summary>
    public abstract TransformedRecord? Transform(DatasetRecord record, AnswerType type, IReadOnlyList<DatasetRecord> pool, DeterministicRandom rng);

    /// <inheritdoc/>
    public TransformedSample? Apply(DatasetRecord record, AnswerType type, IReadOnlyList<DatasetRecord> pool, DeterministicRandom rng)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(pool);
        ArgumentNullException.ThrowIfNull(rng);
        if (!AppliesTo(record, type))
        {
            return null;
        }

        var transformed = Transform(record, type, pool, rng);
        return transformed is null ? null : SampleRenderer.Render(transformed, ChainNames);
    }
}
