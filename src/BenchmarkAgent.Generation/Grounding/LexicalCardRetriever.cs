using BenchmarkAgent.Retrieval;

namespace BenchmarkAgent.Generation.Grounding;

/// <summary>
/// The default <see cref="ICardRetriever"/>: the same BM25 + TF-IDF index the offline planner uses
/// (<see cref="LexicalIndex"/>, no model call), over the pool's family and dataset cards. A dataset card is indexed as
/// <see cref="BenchmarkAgent.Retrieval.CardPool.ForDataset"/> makes it (name, tasks, keywords, description); a family card by its title, keywords
/// and description, with the same field weights as the offline planner's pool.
/// </summary>
internal sealed class LexicalCardRetriever : ICardRetriever
{
    /// <inheritdoc />
    public IReadOnlyList<RankedCard> Rank(string text, IReadOnlyList<GroundingCard> pool, int count)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(pool);
        if (pool.Count == 0 || count <= 0)
        {
            return [];
        }

        var byId = new Dictionary<string, GroundingCard>(StringComparer.Ordinal);
        var cards = new List<RetrievalCard>(pool.Count);
        foreach (var card in pool)
        {
            if (byId.TryAdd(card.Id, card))
            {
                cards.Add(ToRetrievalCard(card));
            }
        }

        return new LexicalIndex(cards)
            .Search(text)
            .Where(hit => hit.Combined > 0 && byId.ContainsKey(hit.Id))
            .Select(hit => new RankedCard(byId[hit.Id], hit.Combined))
            .OrderByDescending(r => r.Score)
            .ThenBy(r => r.Card.Id, StringComparer.Ordinal)
            .Take(count)
            .ToList();
    }

    private static RetrievalCard ToRetrievalCard(GroundingCard card) =>
        card.Dataset is { } dataset
            ? BenchmarkAgent.Retrieval.CardPool.ForDataset(dataset.Card) with { Id = card.Id }
            : new RetrievalCard(
                card.Id,
                [
                    new CardField("title", card.Title, BenchmarkAgent.Retrieval.CardPool.TitleWeight, Phrases: true),
                    new CardField("keywords", string.Join(" ; ", card.Keywords), BenchmarkAgent.Retrieval.CardPool.KeywordWeight, Phrases: true),
                    new CardField("description", card.Description, BenchmarkAgent.Retrieval.CardPool.TextWeight),
                ]);
}
