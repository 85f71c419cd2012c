namespace BenchmarkAgent.Planning;

/// <summary>The evidence behind an offline plan's choice of families, recorded in <c>plan.json</c>.</summary>
/// <param name="Coverage">The share of the query's information the plan matches, 0..1 (see <see cref="FamilyChooser"/>).</param>
/// <param name="Covered">Whether that counted as covering the query (false only for an allowed weak match).</param>
/// <param name="UnmatchedTerms">The query terms nothing in the plan matches, most informative first.</param>
/// <param name="Rejected">Close candidates left out, with the reason.</param>
/// <param name="Modifiers">How each query modifier is honoured by each subtask.</param>
internal sealed record PlanRetrieval(
    double Coverage,
    bool Covered,
    IReadOnlyList<string> UnmatchedTerms,
    IReadOnlyList<RejectedCandidate> Rejected,
    IReadOnlyList<ModifierApplication> Modifiers);
