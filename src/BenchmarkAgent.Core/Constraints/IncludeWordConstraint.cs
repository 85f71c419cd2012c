namespace BenchmarkAgent.Constraints;

/// <summary>The response uses <paramref name="Word"/> at least once as a whole word (case-insensitive).</summary>
/// <param name="Word">The required word, lowercase.</param>
internal sealed record IncludeWordConstraint(string Word) : Constraint
{
    /// <inheritdoc />
    public override string Token => $"include:{Word}";

    /// <inheritdoc />
    public override ConstraintOutcome Evaluate(string response)
    {
        int count = ResponseText.Words(response).Count(w => string.Equals(w, Word, StringComparison.OrdinalIgnoreCase));
        return new(this, count > 0, count > 0 ? $"'{Word}' used {count} time(s)" : $"'{Word}' is missing");
    }
}
