using BenchmarkAgent.Families;
using BenchmarkAgent.Retrieval;

namespace BenchmarkAgent.Planning;

/// <summary>
/// Retrieval over task-family cards (the offline Design Agent's catalog): ranks families against a
/// query and explains each match by the terms that matched.
/// </summary>
internal sealed class FamilyCatalog
{
    private readonly IReadOnlyList<ITaskFamily> _families;
    private readonly LexicalIndex _index;

    /// <summary>Creates a catalog over <paramref name="families"/>.</summary>
    public FamilyCatalog(IReadOnlyList<ITaskFamily> families)
        : this(families, families)
    {
    }

    /// <summary>
    /// Creates a catalog that chooses among <paramref name="families"/> but weighs query words over the cards of
    /// <paramref name="pool"/> (a superset): a media query chooses among the few media families with the term statistics
    /// of the whole catalog, so one small card does not make every word look rare.
    /// </summary>
    public FamilyCatalog(IReadOnlyList<ITaskFamily> families, IReadOnlyList<ITaskFamily> pool)
    {
        ArgumentNullException.ThrowIfNull(families);
        ArgumentNullException.ThrowIfNull(pool);
        _families = families;
        Pool = pool;
        _index = new LexicalIndex(pool.Select(f => CardPool.ForFamily(f.Card)).ToList());
    }

    /// <summary>The families whose cards make up the retrieval index (the chosen-from <see cref="Families"/> and possibly more).</summary>
    public IReadOnlyList<ITaskFamily> Pool { get; }

    /// <summary>The lexical index (BM25 and TF-IDF) over the family cards.</summary>
    public LexicalIndex Index => _index;

    /// <summary>The families in the catalog.</summary>
    public IReadOnlyList<ITaskFamily> Families => _families;

    /// <summary>Ranks every family against <paramref name="query"/>, best first; ties are broken by id so the order is stable.</summary>
    public IReadOnlyList<CatalogMatch> Rank(string query)
    {
        var queryStems = QueryTerms.Stems(query);
        var querySet = new HashSet<string>(queryStems, StringComparer.Ordinal);
        var phrases = PhrasesInQuery(queryStems);
        var lexical = _index.Search(query).ToDictionary(h => h.Id, StringComparer.Ordinal);
        var matches = new List<CatalogMatch>(_families.Count);
        foreach (var family in _families)
        {
            // Words that the query uses only inside a catalog phrase belong to that phrase: "date arithmetic" is
            // evidence for the families that know the phrase, not for every family that mentions "arithmetic".
            var own = family.Card.Keywords.Select(k => string.Join(' ', QueryTerms.Stems(k))).ToHashSet(StringComparer.Ordinal);
            var usable = new HashSet<string>(querySet, StringComparer.Ordinal);
            usable.ExceptWith(BoundStems(queryStems, phrases.Where(p => !own.Contains(string.Join(' ', p))).ToList()));
            matches.Add(Score(family, queryStems, querySet, usable) with { Lexical = lexical[CardPool.FamilyPrefix + family.Card.Id] });
        }

        return matches
            .OrderByDescending(m => m.Score)
            .ThenBy(m => m.Family.Card.Id, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The multi-word keyword phrases of the catalog that occur in the query as consecutive words.</summary>
    private List<IReadOnlyList<string>> PhrasesInQuery(IReadOnlyList<string> queryStems)
    {
        var found = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (string keyword in _families.SelectMany(f => f.Card.Keywords))
        {
            var stems = QueryTerms.Stems(keyword);
            if (stems.Count > 1 && Occurrences(queryStems, stems).Any())
            {
                found.TryAdd(string.Join(' ', stems), stems);
            }
        }

        return [.. found.Values];
    }

    /// <summary>
    /// The query stems that occur only inside occurrences of <paramref name="phrases"/>; a stem that also stands
    /// on its own somewhere in the query stays free.
    /// </summary>
    private static HashSet<string> BoundStems(IReadOnlyList<string> queryStems, IReadOnlyList<IReadOnlyList<string>> phrases)
    {
        var covered = new bool[queryStems.Count];
        foreach (var phrase in phrases)
        {
            foreach (int start in Occurrences(queryStems, phrase))
            {
                Array.Fill(covered, true, start, phrase.Count);
            }
        }

        var bound = new HashSet<string>(StringComparer.Ordinal);
        var free = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < queryStems.Count; i++)
        {
            (covered[i] ? bound : free).Add(queryStems[i]);
        }

        bound.ExceptWith(free);
        return bound;
    }

    private static IEnumerable<int> Occurrences(IReadOnlyList<string> queryStems, IReadOnlyList<string> phrase)
    {
        for (int start = 0; start + phrase.Count <= queryStems.Count; start++)
        {
            bool all = true;
            for (int j = 0; j < phrase.Count && all; j++)
            {
                all = string.Equals(queryStems[start + j], phrase[j], StringComparison.Ordinal);
            }

            if (all)
            {
                yield return start;
            }
        }
    }

    private static CatalogMatch Score(ITaskFamily family, IReadOnlyList<string> queryStems, HashSet<string> querySet, HashSet<string> usable)
    {
        var card = family.Card;
        var matched = new List<string>();
        double keywordWeight = 0;

        // A keyword phrase counts when every word of it is in the query; longer phrases are stronger evidence.
        foreach (string keyword in card.Keywords)
        {
            var stems = QueryTerms.Stems(keyword);
            if (stems.Count > 0 && stems.All(stems.Count == 1 ? usable.Contains : querySet.Contains))
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
        foreach (string stem in usable)
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
