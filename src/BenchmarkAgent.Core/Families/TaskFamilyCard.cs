namespace BenchmarkAgent.Families;

/// <summary>The catalog card of a task family: what the planner matches a query against.</summary>
/// <param name="Id">A stable kebab-case id, e.g. <c>multi-step-arithmetic</c>. Part of item provenance: never rename.</param>
/// <param name="Title">A short human title.</param>
/// <param name="Description">One or two sentences on what the items look like.</param>
/// <param name="Skill">The skill area, e.g. <c>arithmetic</c>, <c>logic</c>, <c>temporal</c>.</param>
/// <param name="Keywords">Words and phrases a query about this family is likely to use.</param>
/// <param name="AnswerType">The answer type of every item of the family.</param>
internal sealed record TaskFamilyCard(
    string Id,
    string Title,
    string Description,
    string Skill,
    IReadOnlyList<string> Keywords,
    AnswerType AnswerType)
{
    /// <summary>The kinds of media every item of the family carries (empty for a text-only family). The planner plans such
    /// a family only for a query that asks for that modality.</summary>
    public IReadOnlyList<Media.MediaKind> MediaKinds { get; init; } = [];
}
