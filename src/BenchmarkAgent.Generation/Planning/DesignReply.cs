using System.Text.Json.Serialization;

namespace BenchmarkAgent.Generation.Planning;

/// <summary>The design agent's reply: 1 to 3 subtasks.</summary>
internal sealed record DesignReply
{
    /// <summary>The designed subtasks, including discarded ones (action <c>discard</c>).</summary>
    public IReadOnlyList<DesignedSubtask> Subtasks { get; init; } = [];
}

/// <summary>One subtask as the design agent wrote it (model text: data only).</summary>
internal sealed record DesignedSubtask
{
    /// <summary>A kebab-case name (normalised by <see cref="SubtaskNames"/>).</summary>
    public string Name { get; init; } = string.Empty;

    /// <summary>What one item looks like.</summary>
    public string Description { get; init; } = string.Empty;

    /// <summary>The skill area.</summary>
    public string Skill { get; init; } = string.Empty;

    /// <summary>The core capability the subtask isolates.</summary>
    public string Capability { get; init; } = string.Empty;

    /// <summary>The sample schema's input fields: <c>question</c>, <c>context</c>, <c>media</c>.</summary>
    public IReadOnlyList<string> Inputs { get; init; } = [];

    /// <summary>The answer type: <c>number</c>, <c>choice</c>, <c>text</c>, <c>freetext</c> or <c>pattern</c>.</summary>
    public string AnswerType { get; init; } = string.Empty;

    /// <summary>How central the subtask is, 0 to 1.</summary>
    public double Importance { get; init; } = 0.5;

    /// <summary><c>keep</c>, <c>revise</c> or <c>discard</c>.</summary>
    public string Action { get; init; } = "keep";

    /// <summary>Why this subtask (and what changed after feedback).</summary>
    public string Rationale { get; init; } = string.Empty;

    /// <summary>Whether the design agent dropped the subtask (not part of the reply's schema).</summary>
    [JsonIgnore]
    public bool Discarded => string.Equals(Action?.Trim(), "discard", StringComparison.OrdinalIgnoreCase);
}
