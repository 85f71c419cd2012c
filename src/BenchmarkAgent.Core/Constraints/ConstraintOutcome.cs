namespace BenchmarkAgent.Constraints;

/// <summary>The verdict of one constraint on one response.</summary>
/// <param name="Constraint">The constraint that was checked.</param>
/// <param name="Passed">True when the response satisfies the constraint.</param>
/// <param name="Reason">What was found, e.g. "37 words, need 20 to 30".</param>
internal sealed record ConstraintOutcome(Constraint Constraint, bool Passed, string Reason);
