namespace BenchmarkAgent.Retrieval;

/// <summary>How well one card matches a query lexically.</summary>
/// <param name="Id">The card's id.</param>
/// <param name="Bm25">The raw BM25 score (unbounded; comparable within one query only).</param>
/// <param name="Bm25Normalized">BM25 over its upper bound for the query (every query term saturated in the card), 0..1.</param>
/// <param name="Cosine">The TF-IDF cosine similarity of query and card, 0..1.</param>
/// <param name="Combined">The mean of <paramref name="Bm25Normalized"/> and <paramref name="Cosine"/>, 0..1: the score cards are ranked by.</param>
/// <param name="MatchedTerms">The query terms (stems) the card contains, most informative first.</param>
internal sealed record LexicalHit(string Id, double Bm25, double Bm25Normalized, double Cosine, double Combined, IReadOnlyList<string> MatchedTerms)
{
    /// <summary>Value equality, including the matched terms in order (plans compare by value).</summary>
    public bool Equals(LexicalHit? other) =>
        other is not null &&
        Id == other.Id &&
        Bm25.Equals(other.Bm25) &&
        Bm25Normalized.Equals(other.Bm25Normalized) &&
        Cosine.Equals(other.Cosine) &&
        Combined.Equals(other.Combined) &&
        MatchedTerms.SequenceEqual(other.MatchedTerms, StringComparer.Ordinal);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Id, Combined, MatchedTerms.Count);
}
