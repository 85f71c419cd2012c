namespace BenchmarkAgent.Planning;

/// <summary>One (dataset, transformation chain) candidate the planner considered for a subtask, and what became of it.</summary>
/// <param name="Dataset">The dataset's card name.</param>
/// <param name="Transformation">The chain's name.</param>
/// <param name="Alignment">Task alignment of the query with the dataset card, 0..1.</param>
/// <param name="Total">The grounding score candidates are ranked by.</param>
/// <param name="Realisable">Records the chain realises into verified samples (estimated from a sample of large datasets).</param>
/// <param name="Decision"><see cref="Accepted"/>, <see cref="Rejected"/>, <see cref="Exhausted"/> or <see cref="Spare"/>.</param>
/// <param name="Reason">Why, in words.</param>
internal sealed record CandidateOutcome(string Dataset, string Transformation, double Alignment, double Total, int Realisable, string Decision, string Reason)
{
    /// <summary>Used, and its share fits what it can realise.</summary>
    public const string Accepted = "accepted";

    /// <summary>Not used: misaligned, or realises no record.</summary>
    public const string Rejected = "rejected";

    /// <summary>Used to the end of what it can realise; the rest of its share went to other candidates or subtasks.</summary>
    public const string Exhausted = "exhausted";

    /// <summary>Usable, but the subtask already had its most chains.</summary>
    public const string Spare = "spare";
}
