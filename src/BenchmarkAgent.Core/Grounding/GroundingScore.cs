namespace BenchmarkAgent.Grounding;

/// <summary>How well a (dataset, transformation) candidate grounds a query, and whether it is used.</summary>
/// <param name="Alignment">Task alignment of the query with the dataset card, 0..1.</param>
/// <param name="Coverage">Records the transformation applies to over the needed quota, capped at 1.</param>
/// <param name="Simplicity">The transformation's simplicity, 0..1.</param>
/// <param name="Risk">The transformation's risk, 0..1.</param>
/// <param name="Total">The weighted score candidates are ranked by.</param>
/// <param name="Decision"><see cref="Accept"/> or <see cref="Reject"/>.</param>
/// <param name="Rationale">Why: the matched terms, the coverage, and the reason for a rejection.</param>
internal sealed record GroundingScore(double Alignment, double Coverage, double Simplicity, double Risk, double Total, string Decision, string Rationale)
{
    /// <summary>The decision of a usable candidate.</summary>
    public const string Accept = "accept";

    /// <summary>The decision of an unusable candidate.</summary>
    public const string Reject = "reject";

    /// <summary>Whether the candidate was accepted.</summary>
    public bool Accepted => Decision == Accept;
}
