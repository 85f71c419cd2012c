namespace BenchmarkAgent.Generation.Execution;

/// <summary>The brief of one sample: what it is built on, how it is solved, and what it must not reveal.</summary>
internal sealed record BriefReply
{
    /// <summary>1 to 5 core facts.</summary>
    public IReadOnlyList<string> Facts { get; init; } = [];

    /// <summary>1 to 4 reasoning hops from the inputs to the answer.</summary>
    public IReadOnlyList<string> Hops { get; init; } = [];

    /// <summary>1 to 4 leakage guards.</summary>
    public IReadOnlyList<string> Guards { get; init; } = [];

    /// <summary>The problem with this reply, or null.</summary>
    public string? Problem() =>
        Facts.Count(f => !string.IsNullOrWhiteSpace(f)) == 0 ? "the brief has no facts."
        : Hops.Count(h => !string.IsNullOrWhiteSpace(h)) == 0 ? "the brief has no reasoning hops."
        : null;
}
