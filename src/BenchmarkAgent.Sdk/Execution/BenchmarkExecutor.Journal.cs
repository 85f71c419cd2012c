using System.Globalization;
using BenchmarkAgent.Families;
using BenchmarkAgent.Planning;
using BenchmarkAgent.Verification;

namespace BenchmarkAgent.Execution;

/// <summary>Resuming from an <see cref="IItemJournal"/>: which journalled positions may be reused.</summary>
public sealed partial class BenchmarkExecutor
{
    /// <summary>
    /// Returns the journalled entry of a position when it is exactly what this plan would produce there: the same
    /// subtask, position, difficulty and source, the seed and id derived from its attempt, one recorded rejection per
    /// earlier attempt, the same checks, and it still passes verification against the items accepted before it.
    /// Anything else (a journal from another engine, a damaged record) is regenerated instead.
    /// </summary>
    private JournalEntry? Reusable(
        IItemJournal? journal, BenchmarkRequest request, PlannedSubtask subtask, int index, Difficulty difficulty,
        ITaskFamily? family, Func<string, bool> isExpectedSource, VerificationContext context)
    {
        if (journal is null || !journal.TryGet(subtask.Name, index, out var entry))
        {
            return null;
        }

        var item = entry.Item;
        var provenance = item.Provenance;
        bool fits = item.Subtask == subtask.Name
            && provenance.Index == index
            && provenance.Attempt >= 0 && provenance.Attempt < MaxAttemptsPerItem
            && entry.Rejections.Count == provenance.Attempt
            && entry.Rejections.All(check => !string.IsNullOrEmpty(check))
            && item.Difficulty == difficulty
            && isExpectedSource(provenance.Source)
            && provenance.Seed == StableHash.Seed(request.Seed, subtask.Name, index, provenance.Attempt).ToString("x16", CultureInfo.InvariantCulture)
            && item.Id == StableHash.Hex(10, subtask.Name, provenance.Source, provenance.Seed)
            && provenance.Checks.SequenceEqual(_verifier.CheckNames, StringComparer.Ordinal);
        if (!fits)
        {
            return null;
        }

        var candidate = new CandidateSample(new FamilySample(item.Prompt, item.Answer, item.Choices), family, difficulty);
        return _verifier.FirstFailure(candidate, context) is null ? entry : null;
    }

    /// <summary>Takes a reusable entry as if it had just been accepted; returns how many rejections it accounts for.</summary>
    private static int Reuse(JournalEntry entry, VerificationContext context, List<BenchmarkItem> items, SortedDictionary<string, int> rejections)
    {
        foreach (string check in entry.Rejections)
        {
            rejections[check] = rejections.GetValueOrDefault(check) + 1;
        }

        context.AddPrompt(entry.Item.Prompt);
        items.Add(entry.Item);
        return entry.Rejections.Count;
    }
}
