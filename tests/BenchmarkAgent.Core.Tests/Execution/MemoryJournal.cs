using System.Diagnostics.CodeAnalysis;
using BenchmarkAgent.Execution;
using BenchmarkAgent.Persistence;

namespace BenchmarkAgent.Core.Tests.Execution;

/// <summary>An in-memory <see cref="IItemJournal"/> that records what the executor asked for and appended.</summary>
internal sealed class MemoryJournal(IEnumerable<JournalEntry>? preloaded = null) : IItemJournal
{
    private readonly Dictionary<(string, int), JournalEntry> _entries =
        (preloaded ?? []).ToDictionary(e => (e.Item.Subtask, e.Item.Provenance.Index));

    public List<JournalEntry> Appended { get; } = [];

    /// <summary>Holds <paramref name="entry"/> for a position, whatever the entry itself says.</summary>
    public void Put(string subtask, int index, JournalEntry entry) => _entries[(subtask, index)] = entry;

    public int Served { get; private set; }

    public bool TryGet(string subtask, int index, [NotNullWhen(true)] out JournalEntry? entry)
    {
        bool found = _entries.TryGetValue((subtask, index), out entry);
        Served += found ? 1 : 0;
        return found;
    }

    public void Append(JournalEntry entry) => Appended.Add(entry);
}
