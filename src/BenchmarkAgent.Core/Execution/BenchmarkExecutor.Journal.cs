using System.Globalization;
using BenchmarkAgent.Families;
using BenchmarkAgent.Persistence;
using BenchmarkAgent.Planning;
using BenchmarkAgent.Items;
using BenchmarkAgent.Verification;

namespace BenchmarkAgent.Execution;

/// <summary>Resuming from an <see cref="IItemJournal"/>: which journalled positions may be reused.</summary>
internal sealed partial class BenchmarkExecutor
{
    /// <summary>
    /// Realises one position, reusing it from <paramref name="journal"/> when the journal holds exactly what this plan
    /// would produce there, and otherwise realising it and appending it (with the checks that rejected earlier attempts).
    /// </summary>
    private PositionResult RealiseJournalled(
        BenchmarkPlan plan, PlannedSubtask subtask, int index, int generation, VerificationContext context, AttemptRealiser realiser, IItemJournal? journal)
    {
        if (journal is null)
        {
            return RealiseAttempts(plan.Request, subtask, index, generation, context, realiser);
        }

        if (Reusable(journal, plan, subtask, index, generation, context) is { } reused)
        {
            context.AddItem(reused.Item);
            return new PositionResult(reused.Item, reused.Rejections.Count, RejectionCounts.Of(reused.Rejections), string.Empty) { MediaFiles = reused.MediaFiles };
        }

        var attemptChecks = new List<string>();
        var result = RealiseAttempts(plan.Request, subtask, index, generation, context, realiser, attemptChecks);
        if (result.Item is not null)
        {
            journal.Append(new JournalEntry(result.Item, attemptChecks) { MediaFiles = result.MediaFiles });
        }

        return result;
    }

    /// <summary>
    /// Returns the journalled entry of a position when it is exactly what this plan would produce there: the same
    /// subtask, position, generation, difficulty and source, the seed and id derived from its attempt, one recorded
    /// rejection per earlier attempt, the same checks, and it still passes verification against the items accepted
    /// before it. Anything else (a journal from another engine, a damaged record) is regenerated instead.
    /// </summary>
    private JournalEntry? Reusable(IItemJournal journal, BenchmarkPlan plan, PlannedSubtask subtask, int index, int generation, VerificationContext context)
    {
        if (!journal.TryGet(subtask.Name, index, out var entry))
        {
            return null;
        }

        var item = entry.Item;
        var provenance = item.Provenance;
        ITaskFamily? family = null;
        Difficulty difficulty;
        bool sourceFits;
        if (plan.Datasets.TryGetValue(subtask.Name, out var dataset))
        {
            difficulty = subtask.Difficulty ?? Difficulty.Medium;
            sourceFits = new DatasetSource(dataset.Card.Name).TryGetRecord(provenance.Source, out string? record)
                && dataset.Records.Any(r => RecordIds.Normalise(r.Id) == record);
        }
        else
        {
            difficulty = subtask.Difficulty ?? MixedLevels[index % MixedLevels.Length];
            family = subtask.Source is FamilySource source ? _findFamily(source.FamilyId) : null;
            sourceFits = family is not null && provenance.Source == subtask.Source;
        }

        bool fits = sourceFits
            && item.Subtask == subtask.Name
            && provenance.Index == index
            && item.Curation.Generation == generation
            && provenance.Attempt >= 0 && provenance.Attempt < MaxAttemptsPerItem
            && entry.Rejections.Count == provenance.Attempt
            && entry.Rejections.All(check => !string.IsNullOrEmpty(check))
            && item.Difficulty == difficulty
            && provenance.Seed == PositionSeed(plan.Request.Seed, subtask.Name, index, provenance.Attempt, generation).ToString("x16", CultureInfo.InvariantCulture)
            && item.Id == ItemId(subtask.Name, provenance.Source, provenance.Seed)
            && provenance.Checks.SequenceEqual(_verifier.CheckNames, StringComparer.Ordinal)
            && MediaMatches(item, entry.MediaFiles);
        if (!fits)
        {
            return null;
        }

        var candidate = new CandidateSample(new FamilySample(item.Prompt, item.Answer, item.Choices) { Media = entry.MediaFiles }, family, difficulty);
        return _verifier.FirstFailure(candidate, context) is null ? entry : null;
    }

    /// <summary>True when the journalled bytes are exactly the item's media files (same count, order, type, size and SHA-256).</summary>
    private static bool MediaMatches(BenchmarkItem item, IReadOnlyList<Media.MediaContent> files) =>
        item.Media.Count == files.Count
        && item.Media.Zip(files).All(pair => pair.First == Media.MediaReference.For(pair.Second));
}
