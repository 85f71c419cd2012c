namespace BenchmarkAgent.Generation.Planning;

/// <summary>The grounding agent's reply: one transformability assessment per candidate card.</summary>
internal sealed record GroundingReply
{
    /// <summary>The assessments.</summary>
    public IReadOnlyList<CardAssessment> Assessments { get; init; } = [];
}

/// <summary>The model's assessment of one candidate card for one subtask (numbers are clamped to 0..1 when scored).</summary>
internal sealed record CardAssessment
{
    /// <summary>The candidate's id, as given.</summary>
    public string Card { get; init; } = string.Empty;

    /// <summary>The operation plan: transformation chains chosen from the card's operations.</summary>
    public IReadOnlyList<string> Operations { get; init; } = [];

    /// <summary>How well the card tests the subtask's capability.</summary>
    public double Alignment { get; init; }

    /// <summary>How much of the subtask's variety the card covers.</summary>
    public double Coverage { get; init; }

    /// <summary>How simple the operation plan is.</summary>
    public double Simplicity { get; init; }

    /// <summary>How likely the operations break correctness or leak the answer.</summary>
    public double Risk { get; init; } = 1;

    /// <summary>Why.</summary>
    public string Rationale { get; init; } = string.Empty;
}
