using System.Diagnostics.CodeAnalysis;
using BenchmarkAgent.Persistence;

namespace BenchmarkAgent.Generation.Tests;

/// <summary>An in-memory journal that survives a cancelled run, like the file journal does.</summary>
internal sealed class MemoryJournal : IItemJournal
{
    private readonly Dictionary<(string, int), JournalEntry> _entries = [];

    public int Count => _entries.Count;

    public IReadOnlyCollection<JournalEntry> Entries => _entries.Values;

    public bool TryGet(string subtask, int index, [NotNullWhen(true)] out JournalEntry? entry) => _entries.TryGetValue((subtask, index), out entry);

    public void Append(JournalEntry entry) => _entries[(entry.Item.Subtask, entry.Item.Provenance.Index)] = entry;
}
