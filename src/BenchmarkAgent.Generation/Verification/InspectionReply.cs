namespace BenchmarkAgent.Generation.Verification;

/// <summary>The inspector's reply: one verdict per category.</summary>
internal sealed record InspectionReply
{
    /// <summary>The verdicts.</summary>
    public IReadOnlyList<InspectionVerdict> Verdicts { get; init; } = [];
}

/// <summary>The inspector's verdict on one category (model text: data only).</summary>
internal sealed record InspectionVerdict
{
    /// <summary>The category, one of <see cref="InspectionCategories.All"/>.</summary>
    public string Category { get; init; } = string.Empty;

    /// <summary>Whether the item passed.</summary>
    public bool Passed { get; init; } = true;

    /// <summary>What is wrong; empty when passed.</summary>
    public string Issue { get; init; } = string.Empty;

    /// <summary>For a packaging problem, the fix (<see cref="PackagingFix"/>); otherwise empty.</summary>
    public string Fix { get; init; } = string.Empty;
}
