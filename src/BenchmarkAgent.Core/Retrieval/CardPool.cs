using BenchmarkAgent.Families;
using BenchmarkAgent.Grounding;

namespace BenchmarkAgent.Retrieval;

/// <summary>
/// Builds the retrieval pool: one <see cref="RetrievalCard"/> per task family and per dataset card. The offline
/// planner and the LLM backbone's grounding step search the same pool, so both see the same evidence.
/// </summary>
internal static class CardPool
{
    /// <summary>The id prefix of family cards.</summary>
    public const string FamilyPrefix = "family:";

    /// <summary>The id prefix of dataset cards.</summary>
    public const string DatasetPrefix = "dataset:";

    /// <summary>Keywords and tasks weigh most: they are written for retrieval. Titles and names next, descriptions least.</summary>
    public const double KeywordWeight = 3;

    /// <summary>The weight of a title, id or name.</summary>
    public const double TitleWeight = 2;

    /// <summary>The weight of a description or skill.</summary>
    public const double TextWeight = 1;

    /// <summary>The card of a task family, id <c>family:&lt;family id&gt;</c>.</summary>
    public static RetrievalCard ForFamily(TaskFamilyCard card)
    {
        ArgumentNullException.ThrowIfNull(card);
        return new RetrievalCard(
            FamilyPrefix + card.Id,
            [
                new CardField("title", $"{card.Title} ; {card.Id.Replace('-', ' ')}", TitleWeight, Phrases: true),
                new CardField("keywords", string.Join(" ; ", card.Keywords), KeywordWeight, Phrases: true),
                new CardField("skill", card.Skill, TextWeight),
                new CardField("description", card.Description, TextWeight),
            ]);
    }

    /// <summary>The card of a dataset, id <c>dataset:&lt;name&gt;</c>.</summary>
    public static RetrievalCard ForDataset(DatasetCard card)
    {
        ArgumentNullException.ThrowIfNull(card);
        return new RetrievalCard(
            DatasetPrefix + card.Name,
            [
                new CardField("name", card.Name.Replace('-', ' ').Replace('_', ' '), TitleWeight, Phrases: true),
                new CardField("tasks", string.Join(" ; ", card.Tasks), KeywordWeight, Phrases: true),
                new CardField("keywords", string.Join(" ; ", card.Keywords), KeywordWeight, Phrases: true),
                new CardField("description", card.Description, TextWeight),
            ]);
    }

    /// <summary>The pool of <paramref name="families"/> and <paramref name="datasets"/>; dataset cards with a repeated name are kept once.</summary>
    public static IReadOnlyList<RetrievalCard> Build(IEnumerable<ITaskFamily> families, IEnumerable<DatasetCard> datasets)
    {
        ArgumentNullException.ThrowIfNull(families);
        ArgumentNullException.ThrowIfNull(datasets);
        var cards = families.Select(f => ForFamily(f.Card)).ToList();
        var seen = new HashSet<string>(cards.Select(c => c.Id), StringComparer.Ordinal);
        cards.AddRange(datasets.Select(ForDataset).Where(c => seen.Add(c.Id)));
        return cards;
    }
}
