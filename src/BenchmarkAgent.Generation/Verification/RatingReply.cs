namespace BenchmarkAgent.Generation.Verification;

/// <summary>The rater's reply: one rating per criterion.</summary>
internal sealed record RatingReply
{
    /// <summary>The ratings.</summary>
    public IReadOnlyList<RatingEntry> Ratings { get; init; } = [];
}

/// <summary>One rating as the model wrote it.</summary>
internal sealed record RatingEntry
{
    /// <summary>The criterion.</summary>
    public string Criterion { get; init; } = string.Empty;

    /// <summary>The score, 1 to 5 (a whole number).</summary>
    public double Score { get; init; }

    /// <summary>Why.</summary>
    public string Reason { get; init; } = string.Empty;
}
