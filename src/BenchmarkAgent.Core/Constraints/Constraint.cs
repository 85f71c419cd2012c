namespace BenchmarkAgent.Constraints;

/// <summary>
/// One checkable rule on a free-text response (IFEval style), such as a word-count range or a forbidden letter.
/// Constraints are immutable and pure: the same response always gets the same outcome.
/// </summary>
internal abstract record Constraint
{
    /// <summary>The constraint's token in a spec string, e.g. <c>words:20-40</c>; see <see cref="ConstraintSpec"/>.</summary>
    public abstract string Token { get; }

    /// <summary>Checks <paramref name="response"/> against this constraint.</summary>
    /// <param name="response">The full response text.</param>
    /// <returns>Whether the rule holds and, either way, a short reason that names what was found.</returns>
    public abstract ConstraintOutcome Evaluate(string response);
}
