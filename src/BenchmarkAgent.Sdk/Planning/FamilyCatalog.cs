using BenchmarkAgent.Families;

namespace BenchmarkAgent.Planning;

/// <summary>
/// Retrieval over task-family cards (the offline Design Agent's catalog): ranks families against a
/// query and explains each match by the terms that matched.
/// </summary>
public sealed class FamilyCatalog
{
    private readonly IReadOnlyList<ITaskFamily> _families;

    /// <summary>Creates a catalog over <paramref name="families"/>.</summary>
    public FamilyCatalog(IReadOnlyList<ITaskFamily> families)
    {
        ArgumentNullException.ThrowIfNull(families);
        _families = families;
    }

    /// <summary>The families in the catalog.</summary>
    public IReadOnlyList<ITaskFamily> Families => _families;

    /// <summary>Ranks every family against <paramref name="query"/>, best first; ties are broken by id so the order is stable.</summary>
    public IReadOnlyList<CatalogMatch> Rank(string query)
    {
        var queryStems = QueryTerms.Stems(query);
        var querySet = new HashSet<string>(queryStems, StringComparer.Ordinal);
        var matches = new List<CatalogMatch>(_families.Count);
        foreach (var family in _families)
        {
            matches.Add(Score(family, queryStems, querySet));
        }

        return matches
            .OrderByDescending(m => m.Score)
            .ThenBy(m => m.Family.Card.Id, StringComparer.Ordinal)
            .ToList();
    }

    private static CatalogMatch Score(ITaskFamily family, IReadOnlyList<string> queryStems, HashSet<string> querySet)
    {
        var card = family.Card;
        var matched = new List<string>();
        double keywordWeight = 0;

        // A keyword phrase counts when every word of it is in the query; longer phrases are stronger evidence.
        foreach (string keyword in card.Keywords)
        {
            var stems = QueryTerms.Stems(keyword);
            if (stems.Count > 0 && stems.All(querySet.Contains))
            {
                matched.Add(keyword);
                keywordWeight += 1.0 + (0.5 * (stems.Count - 1));
            }
        }

        // Words of the title, skill and description are weaker evidence.
        var cardStems = new HashSet<string>(
            QueryTerms.Stems($"{card.Title} {card.Skill} {card.Id.Replace('-', ' ')}"), StringComparer.Ordinal);
        var descriptionStems = new HashSet<string>(QueryTerms.Stems(card.Description), StringComparer.Ordinal);
        double textWeight = 0;
        foreach (string stem in querySet)
        {
            if (cardStems.Contains(stem))
            {
                textWeight += 0.5;
                matched.Add(stem);
            }
            else if (descriptionStems.Contains(stem))
            {
                textWeight += 0.2;
            }
        }

        double raw = keywordWeight + textWeight;
        // Saturating map to 0..1: three solid keyword hits are a near-certain match.
        double score = queryStems.Count == 0 ? 0 : 1 - Math.Exp(-raw / 2.0);
        return new CatalogMatch(family, Math.Round(score, 4), matched.Distinct(StringComparer.Ordinal).ToList());
    }
}
