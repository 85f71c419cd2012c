namespace BenchmarkAgent.Constraints;

/// <summary>The response contains no comma.</summary>
internal sealed record NoCommasConstraint : Constraint
{
    /// <inheritdoc />
    public override string Token => "no-commas";

    /// <inheritdoc />
    public override ConstraintOutcome Evaluate(string response)
    {
        int count = response.Count(c => c == ',');
        return new(this, count == 0, count == 0 ? "no commas" : $"{count} comma(s)");
    }
}
