namespace BenchmarkAgent.Constraints;

/// <summary>The response has between <paramref name="Min"/> and <paramref name="Max"/> words, inclusive.</summary>
/// <param name="Min">The fewest words allowed.</param>
/// <param name="Max">The most words allowed.</param>
internal sealed record WordCountConstraint(int Min, int Max) : Constraint
{
    /// <inheritdoc />
    public override string Token => $"words:{Min}-{Max}";

    /// <inheritdoc />
    public override ConstraintOutcome Evaluate(string response)
    {
        int count = ResponseText.Words(response).Count;
        bool passed = count >= Min && count <= Max;
        return new(this, passed, $"{count} words, need {Min} to {Max}");
    }
}
