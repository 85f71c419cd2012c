namespace BenchmarkAgent.Generation.Execution;

/// <summary>A sample the model wrote itself (model text: data only, never code or paths).</summary>
internal sealed record DraftReply
{
    /// <summary>The question or instruction.</summary>
    public string Question { get; init; } = string.Empty;

    /// <summary>The passage the question is about; empty when the schema has no context.</summary>
    public string? Context { get; init; }

    /// <summary>The options of a choice item; empty otherwise.</summary>
    public IReadOnlyList<string> Choices { get; init; } = [];

    /// <summary>The reference answer as text.</summary>
    public string Answer { get; init; } = string.Empty;

    /// <summary>How the answer follows from the inputs (kept out of the item).</summary>
    public string Rationale { get; init; } = string.Empty;
}
