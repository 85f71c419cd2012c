namespace BenchmarkAgent.Constraints;

/// <summary>The response contains no uppercase letter.</summary>
internal sealed record LowercaseConstraint : Constraint
{
    /// <inheritdoc />
    public override string Token => "lowercase";

    /// <inheritdoc />
    public override ConstraintOutcome Evaluate(string response)
    {
        int count = response.Count(char.IsUpper);
        return new(this, count == 0, count == 0 ? "all lowercase" : $"{count} uppercase letter(s)");
    }
}
