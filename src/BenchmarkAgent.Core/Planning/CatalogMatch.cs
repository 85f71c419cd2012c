using BenchmarkAgent.Families;
using BenchmarkAgent.Retrieval;

namespace BenchmarkAgent.Planning;

/// <summary>A task family ranked against a query, with the words that matched.</summary>
/// <param name="Family">The family.</param>
/// <param name="Score">The keyword relevance, 0 to 1: keyword phrases of the card found in the query.</param>
/// <param name="MatchedTerms">The keywords and words of the card that the query contains.</param>
internal sealed record CatalogMatch(ITaskFamily Family, double Score, IReadOnlyList<string> MatchedTerms)
{
    /// <summary>The lexical (BM25 and TF-IDF) evidence for the family's card; zero scores when not computed.</summary>
    public LexicalHit Lexical { get; init; } = new(string.Empty, 0, 0, 0, 0, []);
}
