namespace BenchmarkAgent.Generation.Planning;

/// <summary>The allocation agent's reply: the importance of each subtask.</summary>
internal sealed record AllocationReply
{
    /// <summary>One entry per subtask.</summary>
    public IReadOnlyList<SubtaskImportance> Subtasks { get; init; } = [];
}

/// <summary>The importance the allocation agent gives one subtask.</summary>
internal sealed record SubtaskImportance
{
    /// <summary>The subtask's name.</summary>
    public string Name { get; init; } = string.Empty;

    /// <summary>0 to 1; the quota is split in proportion to it.</summary>
    public double Importance { get; init; }

    /// <summary>Why.</summary>
    public string Rationale { get; init; } = string.Empty;
}
