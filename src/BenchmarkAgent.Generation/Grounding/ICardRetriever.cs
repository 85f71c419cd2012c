namespace BenchmarkAgent.Generation.Grounding;

/// <summary>
/// Lexical retrieval over the grounding pool (no model call): ranks the cards that match a subtask's text. The default
/// is <see cref="LexicalCardRetriever"/>, the offline planner's BM25 + TF-IDF index.
/// </summary>
internal interface ICardRetriever
{
    /// <summary>Returns at most <paramref name="count"/> cards of <paramref name="pool"/> that match <paramref name="text"/>, best first, ties by id.</summary>
    /// <param name="text">What to match: a subtask's name, description, capability and the scope's keywords.</param>
    /// <param name="pool">The cards to rank.</param>
    /// <param name="count">The most cards to return.</param>
    /// <returns>Only cards with a score above 0.</returns>
    IReadOnlyList<RankedCard> Rank(string text, IReadOnlyList<GroundingCard> pool, int count);
}
