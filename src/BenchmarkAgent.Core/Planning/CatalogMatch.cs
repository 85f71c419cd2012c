using BenchmarkAgent.Families;

namespace BenchmarkAgent.Planning;

/// <summary>A task family ranked against a query, with the words that matched.</summary>
/// <param name="Family">The family.</param>
/// <param name="Score">The relevance, 0 to 1.</param>
/// <param name="MatchedTerms">The keywords and words of the card that the query contains.</param>
internal sealed record CatalogMatch(ITaskFamily Family, double Score, IReadOnlyList<string> MatchedTerms);
