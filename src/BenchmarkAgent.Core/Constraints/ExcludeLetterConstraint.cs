namespace BenchmarkAgent.Constraints;

/// <summary>The response never contains <paramref name="Letter"/>, in either case.</summary>
/// <param name="Letter">The forbidden letter, lowercase a to z.</param>
internal sealed record ExcludeLetterConstraint(char Letter) : Constraint
{
    /// <inheritdoc />
    public override string Token => $"exclude-letter:{Letter}";

    /// <inheritdoc />
    public override ConstraintOutcome Evaluate(string response)
    {
        int count = response.Count(c => char.ToLowerInvariant(c) == Letter);
        return new(this, count == 0, count == 0 ? $"no '{Letter}'" : $"letter '{Letter}' appears {count} time(s)");
    }
}
