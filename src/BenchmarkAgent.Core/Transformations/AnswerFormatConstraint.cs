using BenchmarkAgent.Grounding;

namespace BenchmarkAgent.Transformations;

/// <summary>Replaces the answer-format instruction with an explicit, stricter one (tests instruction following).</summary>
internal sealed class AnswerFormatConstraint : RecordTransformation
{
    private static readonly string[] NumberInstructions =
    [
        "Give only the final number, with no units or explanation.",
        "Respond in the form 'Answer: <number>'.",
        "Show your reasoning, then end with a line of the form 'Final answer: <number>'.",
    ];

    private static readonly string[] ChoiceInstructions =
    [
        "Respond with a single letter only.",
        "Respond in the form 'Answer: <letter>'.",
        "Explain briefly, then end with a line of the form 'Final answer: <letter>'.",
    ];

    private static readonly string[] TextInstructions =
    [
        "Respond in the form 'Answer: <value>'.",
        "Give only the answer, with no explanation.",
    ];

    /// <inheritdoc/>
    public override string Name => "answer-format-constraint";

    /// <inheritdoc/>
    public override double Simplicity => 0.95;

    /// <inheritdoc/>
    public override double Risk => 0.05;

    /// <summary>The instructions this transformation chooses from for an answer type.</summary>
    public static IReadOnlyList<string> InstructionsFor(AnswerType type) => type switch
    {
        AnswerType.Number => NumberInstructions,
        AnswerType.Choice => ChoiceInstructions,
        _ => TextInstructions,
    };

    /// <inheritdoc/>
    public override bool AppliesTo(DatasetRecord record, AnswerType type) => true;

    /// <inheritdoc/>
    public override TransformedRecord? Transform(DatasetRecord record, AnswerType type, IReadOnlyList<DatasetRecord> pool, DeterministicRandom rng) =>
        new(record.WithField(SampleFields.Instruction, rng.Pick(InstructionsFor(type))), type);
}
