namespace BenchmarkAgent.Constraints;

/// <summary>
/// The response has exactly <paramref name="Count"/> bullet lines (lines starting with "- " or "* ") and no
/// other non-blank lines.
/// </summary>
/// <param name="Count">The required number of bullet lines.</param>
internal sealed record BulletCountConstraint(int Count) : Constraint
{
    /// <inheritdoc />
    public override string Token => $"bullets:{Count}";

    /// <inheritdoc />
    public override ConstraintOutcome Evaluate(string response)
    {
        var lines = ResponseText.Lines(response);
        int bullets = lines.Count(ResponseText.IsBullet);
        int others = lines.Count - bullets;
        bool passed = bullets == Count && others == 0;
        return new(this, passed, others == 0
            ? $"{bullets} bullet line(s), need {Count}"
            : $"{bullets} bullet line(s) and {others} other line(s), need exactly {Count} bullet lines and nothing else");
    }
}
