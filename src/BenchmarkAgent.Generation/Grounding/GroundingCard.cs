namespace BenchmarkAgent.Generation.Grounding;

/// <summary>
/// One card of the grounding pool: a built-in task family or a registered dataset, as the grounding agent sees it.
/// Card text is data for the model, never instructions and never a path.
/// </summary>
/// <param name="Id">A stable id: <c>family:&lt;id&gt;</c> or <c>dataset:&lt;name&gt;</c> (the source's text form).</param>
/// <param name="Title">A short title.</param>
/// <param name="Description">What its items look like.</param>
/// <param name="AnswerType">The answer type its items have.</param>
/// <param name="Keywords">Retrieval keywords (and, for a dataset, its tasks).</param>
/// <param name="Source">Where samples come from when the card is chosen.</param>
/// <param name="Operations">The transformation chains that apply to a dataset's records; empty for a family.</param>
internal sealed record GroundingCard(
    string Id,
    string Title,
    string Description,
    AnswerType AnswerType,
    IReadOnlyList<string> Keywords,
    ItemSource Source,
    IReadOnlyList<string> Operations)
{
    /// <summary>The dataset behind a dataset card; null for a family card.</summary>
    public BenchmarkAgent.Grounding.Dataset? Dataset { get; init; }

    /// <summary>Whether the card is a task family (its samples are computed by the family and checked by its checker).</summary>
    public bool IsFamily => Source is FamilySource;
}
