using BenchmarkAgent.Retrieval;

namespace BenchmarkAgent.Planning;

/// <summary>The offline planner's choice of task families for a query, with the evidence for it.</summary>
/// <param name="Chosen">The chosen families, best first (empty when the query is not covered and weak matches are not allowed).</param>
/// <param name="Rejected">Close candidates that were left out, with the reason.</param>
/// <param name="Coverage">The share of the query's information (IDF mass of its terms) that the chosen families and grounded datasets match, 0..1.</param>
/// <param name="Covered">Whether the families (and grounded datasets) cover the query well: see <see cref="FamilyChooser"/>.</param>
/// <param name="UnmatchedTerms">The query terms nothing in the plan matches, most informative first.</param>
/// <param name="Modifiers">The query modifiers found in the query.</param>
internal sealed record FamilyChoice(
    IReadOnlyList<CatalogMatch> Chosen,
    IReadOnlyList<RejectedCandidate> Rejected,
    double Coverage,
    bool Covered,
    IReadOnlyList<string> UnmatchedTerms,
    IReadOnlyList<QueryModifier> Modifiers);
