using System.Globalization;
using BenchmarkAgent.Grounding;
using BenchmarkAgent.Retrieval;

namespace BenchmarkAgent.Planning;

/// <summary>
/// Chooses the task families of an offline plan by lexical retrieval (BM25 plus TF-IDF, see <see cref="LexicalIndex"/>)
/// over the pool of family cards and the cards of the grounded datasets. Pure and deterministic.
/// </summary>
/// <remarks>
/// <para>Modifier phrases ("with typos", "as multiple choice") are removed from the query first: they describe the
/// form of the items, not the skill.</para>
/// <para>The best family is chosen when it matches a query term and its combined score is at least
/// <see cref="MinimumScore"/>. Further families, best first, join while the plan holds fewer than
/// <see cref="MaxFamilies"/> (one to three subtasks, as the paper plans) and their score is at least
/// <see cref="FurtherFloor"/> of the minimum, if either their score is at least <see cref="RelativeCutoff"/> of the best
/// one, or their card's keywords or title match a part of the query no chosen family matches
/// (<see cref="MinimumNovelShare"/>).</para>
/// <para>The query is <em>covered</em> when the best family reaches <see cref="MinimumScore"/> and the chosen families
/// and grounded datasets together match at least <see cref="MinimumCoverage"/> of the query's information: the IDF
/// mass of its terms, where a term no card knows weighs most. A query whose informative words ("SQL", "translate",
/// "symptoms") no card knows is not covered, however well one generic word ("questions", "python") matches.</para>
/// </remarks>
internal static class FamilyChooser
{
    /// <summary>The most families a plan holds.</summary>
    public const int MaxFamilies = 3;

    /// <summary>The least combined lexical score (0..1) of a chosen family.</summary>
    public const double MinimumScore = 0.2;

    /// <summary>The least share of the query's information the plan must match for the query to count as covered.</summary>
    public const double MinimumCoverage = 0.4;

    /// <summary>A further family joins when its combined score is at least this fraction of the best family's.</summary>
    public const double RelativeCutoff = 0.6;

    /// <summary>A further family needs at least this fraction of <see cref="MinimumScore"/>.</summary>
    public const double FurtherFloor = 0.5;

    /// <summary>
    /// A further family below the relative cutoff still joins when the keywords or title of its card match query terms
    /// no chosen family matches, holding at least this share of the query's information: it covers another part of the
    /// query ("... and clock arithmetic").
    /// </summary>
    public const double MinimumNovelShare = 0.15;

    /// <summary>How many left-out candidates the plan records.</summary>
    public const int MaxRejected = 3;

    /// <summary>Chooses families for <paramref name="query"/>.</summary>
    /// <param name="catalog">The family catalog.</param>
    /// <param name="query">The user's query (untrusted text; only tokenised).</param>
    /// <param name="groundedDatasets">The cards of the datasets already grounded in the plan; they join the pool and count towards coverage.</param>
    /// <param name="allowWeak">When the query is not covered: true chooses the closest families anyway, false chooses none.</param>
    public static FamilyChoice Choose(FamilyCatalog catalog, string query, IReadOnlyList<DatasetCard> groundedDatasets, bool allowWeak)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(groundedDatasets);
        var modifiers = QueryModifiers.Detect(query);
        string skillQuery = QueryModifiers.Strip(query);
        var index = groundedDatasets.Count == 0
            ? catalog.Index
            : new LexicalIndex(CardPool.Build(catalog.Pool, groundedDatasets));
        var hits = index.Search(skillQuery).ToDictionary(h => h.Id, StringComparer.Ordinal);
        var ranked = catalog.Rank(skillQuery)
            .Select(m => m with { Lexical = hits[CardPool.FamilyPrefix + m.Family.Card.Id] })
            .OrderByDescending(m => m.Lexical.Combined)
            .ThenByDescending(m => m.Score)
            .ThenBy(m => m.Family.Card.Id, StringComparer.Ordinal)
            .ToList();

        var terms = TextAnalyzer.Terms(skillQuery).Distinct(StringComparer.Ordinal).ToList();
        double best = ranked.Count > 0 && ranked[0].Lexical.MatchedTerms.Count > 0 ? ranked[0].Lexical.Combined : 0;
        var chosen = new List<CatalogMatch>();
        if (best >= MinimumScore)
        {
            chosen.Add(ranked[0]);
            foreach (var candidate in ranked.Skip(1).TakeWhile(m => m.Lexical.Combined >= MinimumScore * FurtherFloor))
            {
                if (chosen.Count == MaxFamilies)
                {
                    break;
                }

                if (candidate.Lexical.Combined >= best * RelativeCutoff ||
                    NovelShare(index, terms, chosen, candidate) >= MinimumNovelShare)
                {
                    chosen.Add(candidate);
                }
            }
        }

        var datasetTerms = groundedDatasets
            .SelectMany(card => hits.TryGetValue(CardPool.DatasetPrefix + card.Name, out var hit) ? hit.MatchedTerms : [])
            .ToHashSet(StringComparer.Ordinal);
        double coverage = Coverage(index, terms, chosen.SelectMany(m => m.Lexical.MatchedTerms).Concat(datasetTerms));
        bool covered = chosen.Count > 0 && coverage >= MinimumCoverage;
        if (!covered && groundedDatasets.Count > 0)
        {
            // The datasets the user registered (and grounding accepted) carry the plan; weakly matching families would
            // only dilute it.
            chosen = [];
            covered = true;
            coverage = Coverage(index, terms, datasetTerms);
        }
        else if (!covered)
        {
            // Opted in: the closest families, those sharing a term with the query first.
            chosen = allowWeak ? ranked.Take(MaxFamilies).ToList() : [];
        }

        var matched = chosen.SelectMany(m => m.Lexical.MatchedTerms).Concat(datasetTerms).ToHashSet(StringComparer.Ordinal);
        var unmatched = terms.Where(t => !matched.Contains(t)).OrderByDescending(index.Idf).ThenBy(t => t, StringComparer.Ordinal).ToList();
        var rejected = ranked
            .Where(m => m.Lexical.MatchedTerms.Count > 0 && !chosen.Contains(m))
            .Take(MaxRejected)
            .Select(m => new RejectedCandidate(m.Family.Card.Id, m.Lexical, Reason(m, best, chosen.Count, covered)))
            .ToList();
        return new FamilyChoice(chosen, rejected, Math.Round(coverage, 4), covered, unmatched, modifiers);
    }

    /// <summary>The IDF mass of <paramref name="matched"/> within <paramref name="terms"/>, over the IDF mass of <paramref name="terms"/>.</summary>
    private static double Coverage(LexicalIndex index, IReadOnlyList<string> terms, IEnumerable<string> matched)
    {
        var set = matched.ToHashSet(StringComparer.Ordinal);
        double total = terms.Sum(index.Idf);
        return total <= 0 ? 0 : terms.Where(set.Contains).Sum(index.Idf) / total;
    }

    /// <summary>
    /// The share of the query's information that <paramref name="candidate"/>'s keywords and title match and no chosen
    /// family matches.
    /// </summary>
    private static double NovelShare(LexicalIndex index, IReadOnlyList<string> terms, IReadOnlyList<CatalogMatch> chosen, CatalogMatch candidate)
    {
        var card = candidate.Family.Card;
        var key = TextAnalyzer.Terms($"{card.Title} {string.Join(' ', card.Keywords)}").ToHashSet(StringComparer.Ordinal);
        var taken = chosen.SelectMany(m => m.Lexical.MatchedTerms).ToHashSet(StringComparer.Ordinal);
        var novel = candidate.Lexical.MatchedTerms.Where(t => key.Contains(t) && !taken.Contains(t));
        return Coverage(index, terms, novel);
    }

    private static string Reason(CatalogMatch match, double best, int chosenCount, bool covered)
    {
        double score = match.Lexical.Combined;
        if (!covered)
        {
            return "the query is not covered well enough for an offline plan";
        }

        if (chosenCount >= MaxFamilies && score >= best * RelativeCutoff)
        {
            return string.Create(CultureInfo.InvariantCulture, $"a plan holds at most {MaxFamilies} families");
        }

        return string.Create(
            CultureInfo.InvariantCulture,
            $"score {score:0.00} is below {RelativeCutoff:0.0#} of the best score {best:0.00} and its keywords cover no further part of the query");
    }
}
