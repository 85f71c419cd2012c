using System.Diagnostics.CodeAnalysis;

namespace BenchmarkAgent.Persistence;

/// <summary>
/// Remembers the items a generation has accepted so far, so an interrupted generation resumes where it stopped
/// instead of regenerating finished positions. The executor asks for every position before realising it and
/// records every position it realises.
/// </summary>
internal interface IItemJournal
{
    /// <summary>Returns the recorded entry of position <paramref name="index"/> of <paramref name="subtask"/>, if any.</summary>
    /// <remarks>The executor re-verifies a returned entry and regenerates the position when it does not fit the plan.</remarks>
    bool TryGet(string subtask, int index, [NotNullWhen(true)] out JournalEntry? entry);

    /// <summary>Records a position the executor has just accepted; durable before the call returns.</summary>
    void Append(JournalEntry entry);
}
