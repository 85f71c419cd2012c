using System.Globalization;
using BenchmarkAgent.Execution;
using BenchmarkAgent.Families;
using BenchmarkAgent.Persistence;
using BenchmarkAgent.Planning;
using BenchmarkAgent.Snapshots;
using BenchmarkAgent.Verification;

namespace BenchmarkAgent;

/// <summary>
/// The whole offline pipeline for one request: plan, execute (generate and verify), and assemble the
/// snapshot. Pure: writing the snapshot is the caller's (or <see cref="SnapshotWriter"/>'s) job.
/// </summary>
public sealed class BenchmarkGenerator
{
    private readonly OfflinePlanner _planner;
    private readonly BenchmarkExecutor _executor;
    private readonly Dictionary<string, ITaskFamily> _families;

    /// <summary>Creates a generator over <paramref name="families"/> (default: <see cref="BuiltInTaskFamilies.All"/>).</summary>
    public BenchmarkGenerator(IReadOnlyList<ITaskFamily>? families = null)
    {
        families ??= BuiltInTaskFamilies.All;
        _planner = new OfflinePlanner(new FamilyCatalog(families));
        _executor = new BenchmarkExecutor(families);
        _families = families.ToDictionary(f => f.Card.Id, StringComparer.Ordinal);
    }

    /// <summary>Plans <paramref name="request"/> without generating items.</summary>
    public BenchmarkPlan Plan(BenchmarkRequest request) => _planner.Plan(request);

    /// <summary>Plans and generates <paramref name="request"/> from scratch.</summary>
    public BenchmarkSnapshot Generate(BenchmarkRequest request, CancellationToken cancellationToken = default) =>
        Regenerate(request, existing: null, refreshFraction: 0, journal: null, cancellationToken);

    /// <summary>Plans and generates <paramref name="request"/> from scratch, resuming from (and recording into) <paramref name="journal"/>.</summary>
    public BenchmarkSnapshot Generate(BenchmarkRequest request, IItemJournal? journal, CancellationToken cancellationToken = default) =>
        Regenerate(request, existing: null, refreshFraction: 0, journal, cancellationToken);

    /// <summary>
    /// Plans <paramref name="request"/> and reconciles the result with <paramref name="existing"/> (minimal churn, see
    /// <see cref="SnapshotReconciler"/>); with <paramref name="refreshFraction"/> &gt; 0, first rotates that share of each
    /// subtask's rotatable items to fresh ones of the next generation and records the refresh in the history.
    /// </summary>
    /// <exception cref="SnapshotFormatException">An edited item fails its checker (BA0204, see <see cref="CheckEdits"/>).</exception>
    /// <exception cref="QuotaShortfallException">A subtask cannot fill its quota.</exception>
    public BenchmarkSnapshot Regenerate(BenchmarkRequest request, ExistingSnapshot? existing, double refreshFraction = 0, CancellationToken cancellationToken = default) =>
        Regenerate(request, existing, refreshFraction, journal: null, cancellationToken);

    /// <summary>
    /// Like <see cref="Regenerate(BenchmarkRequest, ExistingSnapshot?, double, CancellationToken)"/>, but every position
    /// it generates is first looked up in <paramref name="journal"/> (an interrupted run's accepted items, re-verified)
    /// and every newly accepted one is recorded there, so an interrupted generation resumes where it stopped.
    /// </summary>
    public BenchmarkSnapshot Regenerate(BenchmarkRequest request, ExistingSnapshot? existing, double refreshFraction, IItemJournal? journal, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (existing is not null)
        {
            CheckEdits(existing);
        }

        var plan = _planner.Plan(request);
        var old = existing?.Items.Items ?? [];
        int generation = existing?.Plan.Generation ?? 0;
        var history = existing?.Plan.History ?? [];
        IReadOnlySet<string>? rotate = null;
        if (refreshFraction > 0 && old.Count > 0)
        {
            generation++;
            rotate = RefreshRotation.Choose(plan, old, refreshFraction, generation);
        }

        var context = new VerificationContext();
        foreach (var item in old)
        {
            context.AddPrompt(item.Prompt);
        }

        var result = SnapshotReconciler.Reconcile(
            plan,
            old,
            generation,
            (subtask, index, g) => _executor.Realise(plan, subtask, index, g, context, journal),
            item => IsCurrent(plan, item),
            rotate,
            cancellationToken);
        if (rotate is not null)
        {
            var items = result.Items;
            history = [.. history, new GenerationRecord(
                generation,
                BenchmarkExecutor.GenerationSeed(request.Seed, generation).ToString("x16", CultureInfo.InvariantCulture),
                refreshFraction,
                Rotated: items.Count(i => i.Curation.Generation == generation),
                Kept: items.Count(i => i.Curation.Generation != generation && !i.Curation.Excluded && !ItemContent.IsEdited(i)),
                Edited: items.Count(i => !i.Curation.Excluded && ItemContent.IsEdited(i)),
                Excluded: items.Count(i => i.Curation.Excluded))];
        }

        var reports = existing is null ? result.Reports : result.Reports.Select(r => WithEarlierRejections(r, existing.Plan)).ToList();
        return new BenchmarkSnapshot(plan, reports, InputFingerprint.Compute(request), result.Items)
        {
            Generation = generation,
            History = history,
        };
    }

    /// <summary>
    /// Re-checks every reviewer-edited family item with its family's independent checker on the edited prompt.
    /// </summary>
    /// <exception cref="SnapshotFormatException">BA0204 with the file and the item's line, for the first item that fails.</exception>
    public void CheckEdits(ExistingSnapshot existing)
    {
        ArgumentNullException.ThrowIfNull(existing);
        const string familyPrefix = "family:";
        foreach (var item in existing.Items.Items.Where(i => !i.Curation.Excluded && ItemContent.IsEdited(i)))
        {
            if (!item.Provenance.Source.StartsWith(familyPrefix, StringComparison.Ordinal) ||
                !_families.TryGetValue(item.Provenance.Source[familyPrefix.Length..], out var family))
            {
                continue;
            }

            var verdict = family.Check(new FamilySample(item.Prompt, item.Answer, item.Choices));
            if (!verdict.Agrees)
            {
                throw new SnapshotFormatException(
                    ErrorCodes.EditedItemFailsCheck,
                    existing.Items.Path,
                    existing.Items.LineOf(item.Id),
                    $"Item '{item.Id}' was edited and its answer '{item.Answer.Value}' fails the {family.Card.Id} checker ({verdict.Detail}). Make the answer match the edited question, or undo the edit.");
            }
        }
    }

    /// <summary>
    /// Adds the rejections recorded for a surviving subtask to this run's, so the quality summary counts every candidate
    /// verified for the items on disk (a regeneration that generates nothing leaves it unchanged).
    /// </summary>
    private static SubtaskReport WithEarlierRejections(SubtaskReport report, SnapshotPlanInfo earlier)
    {
        if (!earlier.Quality.TryGetValue(report.Subtask, out var old))
        {
            return report;
        }

        var byCheck = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var (check, count) in old.RejectionsByCheck.Concat(report.RejectionsByCheck))
        {
            byCheck[check] = byCheck.GetValueOrDefault(check) + count;
        }

        return report with { Rejected = old.Rejected + report.Rejected, RejectionsByCheck = byCheck };
    }

    /// <summary>A dataset item is current while its record exists with the content it was derived from.</summary>
    private static bool IsCurrent(BenchmarkPlan plan, BenchmarkItem item)
    {
        string source = item.Provenance.Source;
        int hash = source.IndexOf('#', StringComparison.Ordinal);
        if (!source.StartsWith("dataset:", StringComparison.Ordinal) || hash < 0 || !plan.Datasets.TryGetValue(item.Subtask, out var dataset))
        {
            return true;
        }

        string recordId = source[(hash + 1)..];
        var record = dataset.Records.FirstOrDefault(r => r.Id == recordId);
        return record is not null &&
               (item.Provenance.RecordHash is null || item.Provenance.RecordHash == ItemProvenance.DatasetRecordHash(record));
    }
}
