namespace BenchmarkAgent.Constraints;

/// <summary>The response never uses <paramref name="Word"/> as a whole word (case-insensitive).</summary>
/// <param name="Word">The forbidden word, lowercase.</param>
internal sealed record ExcludeWordConstraint(string Word) : Constraint
{
    /// <inheritdoc />
    public override string Token => $"exclude-word:{Word}";

    /// <inheritdoc />
    public override ConstraintOutcome Evaluate(string response)
    {
        int count = ResponseText.Words(response).Count(w => string.Equals(w, Word, StringComparison.OrdinalIgnoreCase));
        return new(this, count == 0, count == 0 ? $"'{Word}' not used" : $"forbidden word '{Word}' used {count} time(s)");
    }
}
