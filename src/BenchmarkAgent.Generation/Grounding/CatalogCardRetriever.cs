using BenchmarkAgent.Families;
using BenchmarkAgent.Grounding;
using BenchmarkAgent.Planning;

namespace BenchmarkAgent.Generation.Grounding;

/// <summary>
/// The default <see cref="ICardRetriever"/>: family cards scored by <see cref="FamilyCatalog.Rank"/> and dataset cards by
/// <see cref="DatasetMatcher.Align"/> (both keyword and phrase matching over stems, 0 to 1), merged into one ranking.
/// </summary>
internal sealed class CatalogCardRetriever : ICardRetriever
{
    private readonly FamilyCatalog _catalog;

    /// <summary>Creates the retriever over <paramref name="families"/> (the catalog the family cards of the pool come from).</summary>
    public CatalogCardRetriever(IReadOnlyList<ITaskFamily> families) => _catalog = new FamilyCatalog(families);

    /// <inheritdoc />
    public IReadOnlyList<RankedCard> Rank(string text, IReadOnlyList<GroundingCard> pool, int count)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(pool);
        var familyScores = _catalog.Rank(text).ToDictionary(m => FamilySourceText(m.Family), m => m.Score, StringComparer.Ordinal);
        return pool
            .Select(card => new RankedCard(card, card.Dataset is { } dataset
                ? DatasetMatcher.Align(text, dataset.Card).Alignment
                : familyScores.GetValueOrDefault(card.Id)))
            .Where(r => r.Score > 0)
            .OrderByDescending(r => r.Score)
            .ThenBy(r => r.Card.Id, StringComparer.Ordinal)
            .Take(count)
            .ToList();
    }

    private static string FamilySourceText(ITaskFamily family) => new FamilySource(family.Card.Id).ToString();
}
