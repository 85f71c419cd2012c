using System.Diagnostics.CodeAnalysis;
using BenchmarkAgent.GeneratorProtocol;
using BenchmarkAgent.Persistence;

namespace BenchmarkAgent.Generator;

/// <summary>
/// Applies the request's <see cref="GeneratorTestHooks"/> to the journal: pauses after each newly accepted item, or ends
/// the process like a crash after a number of them. Reused (journalled) positions pass through untouched.
/// </summary>
internal sealed class TestHookJournal(IItemJournal inner, GeneratorTestHooks hooks, ItemCounter counter) : IItemJournal
{
    /// <summary>The exit code of a simulated crash.</summary>
    public const int CrashExitCode = 134;

    /// <inheritdoc />
    public bool TryGet(string subtask, int index, [NotNullWhen(true)] out JournalEntry? entry) => inner.TryGet(subtask, index, out entry);

    /// <inheritdoc />
    public void Append(JournalEntry entry)
    {
        if (hooks.ExitAfterItems is { } limit && counter.Value >= limit)
        {
            Console.Error.WriteLine($"test hook: exiting after {limit} items");
            Environment.Exit(CrashExitCode);
        }

        inner.Append(entry);
        counter.Value++;
        if (hooks.ItemDelayMilliseconds > 0)
        {
            Thread.Sleep(hooks.ItemDelayMilliseconds);
        }
    }
}
