namespace BenchmarkAgent.Generation.Planning;

/// <summary>The scope step's reply: what the benchmark must evaluate.</summary>
internal sealed record ScopeReply
{
    /// <summary>A short topic naming the capability.</summary>
    public string Topic { get; init; } = string.Empty;

    /// <summary>The input modalities the items need (<c>text</c>, <c>image</c>, ...).</summary>
    public IReadOnlyList<string> Modalities { get; init; } = [];

    /// <summary>Lowercase retrieval keywords.</summary>
    public IReadOnlyList<string> Keywords { get; init; } = [];

    /// <summary>The problem with this reply, or null when it is usable.</summary>
    public string? Problem() =>
        string.IsNullOrWhiteSpace(Topic) ? "the topic is empty."
        : Keywords.Count(k => !string.IsNullOrWhiteSpace(k)) == 0 ? "there are no keywords."
        : null;
}
