using BenchmarkAgent.Grounding;

namespace BenchmarkAgent.Transformations;

/// <summary>Applies several transformations in order; the sample's chain lists every step's name.</summary>
internal sealed class TransformationChain : RecordTransformation
{
    private readonly IReadOnlyList<RecordTransformation> _steps;

    /// <summary>Creates a chain of at least one step.</summary>
    public TransformationChain(params RecordTransformation[] steps)
    {
        ArgumentNullException.ThrowIfNull(steps);
        if (steps.Length == 0)
        {
            throw new ArgumentException("A chain needs at least one step.", nameof(steps));
        }

        _steps = steps;
    }

    /// <summary>The steps, in order.</summary>
    public IReadOnlyList<RecordTransformation> Steps => _steps;

    /// <inheritdoc/>
    public override string Name => string.Join("+", _steps.Select(s => s.Name));

    /// <summary>The product of the steps' simplicities.</summary>
    public override double Simplicity => _steps.Aggregate(1.0, (acc, s) => acc * s.Simplicity);

    /// <summary>The chance that at least one step breaks the item, treating steps as independent.</summary>
    public override double Risk => 1 - _steps.Aggregate(1.0, (acc, s) => acc * (1 - s.Risk));

    /// <inheritdoc/>
    public override IReadOnlyList<string> ChainNames => _steps.SelectMany(s => s.ChainNames).ToList();

    /// <inheritdoc/>
    public override bool AppliesTo(DatasetRecord record, AnswerType type) => _steps[0].AppliesTo(record, type);

    /// <summary>Runs every step on the previous step's output; null as soon as one step does not apply or fails.</summary>
    public override TransformedRecord? Transform(DatasetRecord record, AnswerType type, IReadOnlyList<DatasetRecord> pool, DeterministicRandom rng)
    {
        var current = new TransformedRecord(record, type);
        foreach (var step in _steps)
        {
            if (!step.AppliesTo(current.Record, current.Type))
            {
                return null;
            }

            var next = step.Transform(current.Record, current.Type, pool, rng);
            if (next is null)
            {
                return null;
            }

            current = next;
        }

        return current;
    }
}
