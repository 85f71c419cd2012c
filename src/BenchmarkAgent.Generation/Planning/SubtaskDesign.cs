namespace BenchmarkAgent.Generation.Planning;

/// <summary>A designed subtask after its model text was checked and normalised.</summary>
/// <param name="Name">A unique kebab-case name.</param>
/// <param name="Description">What one item looks like.</param>
/// <param name="Skill">The skill area.</param>
/// <param name="Capability">The core capability.</param>
/// <param name="Inputs">The input fields (<c>question</c> always; <c>context</c>, <c>media</c> when designed).</param>
/// <param name="AnswerType">The answer type.</param>
/// <param name="Importance">0 to 1.</param>
/// <param name="Rationale">The design agent's rationale.</param>
internal sealed record SubtaskDesign(
    string Name,
    string Description,
    string Skill,
    string Capability,
    IReadOnlyList<string> Inputs,
    AnswerType AnswerType,
    double Importance,
    string Rationale)
{
    /// <summary>The answer types a model-written sample may have (constraint specs come only from the offline families).</summary>
    public static IReadOnlyList<AnswerType> DraftableTypes { get; } =
        [AnswerType.Number, AnswerType.Choice, AnswerType.ShortText, AnswerType.FreeText, AnswerType.Pattern];

    /// <summary>The input fields a sample schema may name.</summary>
    public static IReadOnlyList<string> KnownInputs { get; } = ["question", "context", "media"];
}
