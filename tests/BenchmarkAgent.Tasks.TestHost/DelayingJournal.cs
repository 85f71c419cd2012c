using System.Diagnostics.CodeAnalysis;
using BenchmarkAgent.Execution;
using BenchmarkAgent.Persistence;

namespace BenchmarkAgent.Tasks.TestHost;

/// <summary>
/// Passes everything to the task's own journal and then sleeps after each accepted item, so generation is slow
/// enough for the test to kill it at a chosen point. Reused positions are not slowed down.
/// </summary>
internal sealed class DelayingJournal(IItemJournal inner, TimeSpan delay) : IItemJournal
{
    public bool TryGet(string subtask, int index, [NotNullWhen(true)] out JournalEntry? entry) => inner.TryGet(subtask, index, out entry);

    public void Append(JournalEntry entry)
    {
        inner.Append(entry);
        Thread.Sleep(delay);
    }
}
