namespace BenchmarkAgent.Snapshots;

/// <summary>What changed in one subtask between two versions of a snapshot.</summary>
/// <param name="Subtask">The subtask name.</param>
/// <param name="Added">Ids only in the new version, in its order.</param>
/// <param name="Removed">Ids only in the old version, in its order.</param>
/// <param name="Edited">Ids in both whose content (prompt, choices, answer) or exclusion differs.</param>
/// <param name="Unchanged">How many items are the same in both.</param>
internal sealed record SubtaskChanges(string Subtask, IReadOnlyList<string> Added, IReadOnlyList<string> Removed, IReadOnlyList<string> Edited, int Unchanged)
{
    /// <summary>True when anything was added, removed or edited.</summary>
    public bool HasChanges => Added.Count + Removed.Count + Edited.Count > 0;
}
