namespace BenchmarkAgent.Constraints;

/// <summary>The response's first word is <paramref name="Word"/> (case-insensitive).</summary>
/// <param name="Word">The required first word, lowercase.</param>
internal sealed record StartsWithConstraint(string Word) : Constraint
{
    /// <inheritdoc />
    public override string Token => $"starts-with:{Word}";

    /// <inheritdoc />
    public override ConstraintOutcome Evaluate(string response)
    {
        string first = ResponseText.Words(response).FirstOrDefault() ?? string.Empty;
        bool passed = string.Equals(first, Word, StringComparison.OrdinalIgnoreCase);
        return new(this, passed, passed ? $"starts with '{Word}'" : $"starts with '{first}', need '{Word}'");
    }
}
