using System.Globalization;
using BenchmarkAgent.Families;
using BenchmarkAgent.Grounding;
using BenchmarkAgent.Planning;
using BenchmarkAgent.Transformations;
using BenchmarkAgent.Verification;

namespace BenchmarkAgent.Execution;

/// <summary>
/// The Benchmark Executor: realises each planned subtask sample by sample, verifies every sample, and
/// recycles rejected ones until the quota is met or the attempt budget is spent.
/// </summary>
/// <remarks>
/// The sample at position <c>i</c> of a subtask is seeded by (benchmark seed, subtask, i, attempt) only,
/// so growing the quota keeps every existing item and adds new ones after them.
/// </remarks>
public sealed partial class BenchmarkExecutor
{
    /// <summary>How many candidates one item position may consume before the subtask is declared short.</summary>
    public const int MaxAttemptsPerItem = 20;

    private static readonly Difficulty[] MixedLevels = [Difficulty.Easy, Difficulty.Medium, Difficulty.Hard];

    private readonly Func<string, ITaskFamily?> _findFamily;
    private readonly CompositeVerifier _verifier;

    /// <summary>Creates an executor that resolves sources among <paramref name="families"/>.</summary>
    public BenchmarkExecutor(IReadOnlyList<ITaskFamily> families, CompositeVerifier? verifier = null)
    {
        ArgumentNullException.ThrowIfNull(families);
        var byId = families.ToDictionary(f => f.Card.Id, StringComparer.Ordinal);
        _findFamily = id => byId.GetValueOrDefault(id);
        _verifier = verifier ?? CompositeVerifier.Default;
    }

    /// <summary>Generates and verifies the items of <paramref name="plan"/>.</summary>
    public ExecutionResult Execute(BenchmarkPlan plan, CancellationToken cancellationToken = default) =>
        Execute(plan, journal: null, cancellationToken);

    /// <summary>
    /// Generates and verifies the items of <paramref name="plan"/>, resuming from <paramref name="journal"/>: a position
    /// the journal holds is re-verified and reused instead of regenerated, and every newly accepted position is
    /// appended to it. The result is the same as without a journal.
    /// </summary>
    public ExecutionResult Execute(BenchmarkPlan plan, IItemJournal? journal, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var context = new VerificationContext();
        var items = new List<BenchmarkItem>(plan.Request.Quota);
        var reports = new List<SubtaskReport>(plan.Subtasks.Count);
        foreach (var subtask in plan.Subtasks)
        {
            reports.Add(plan.Datasets.TryGetValue(subtask.Name, out var dataset)
                ? ExecuteDatasetSubtask(plan.Request, subtask, dataset, context, items, journal, cancellationToken)
                : ExecuteSubtask(plan.Request, subtask, context, items, journal, cancellationToken));
        }

        return new ExecutionResult(items, reports);
    }

    private SubtaskReport ExecuteSubtask(
        BenchmarkRequest request, PlannedSubtask subtask, VerificationContext context, List<BenchmarkItem> items, IItemJournal? journal, CancellationToken cancellationToken)
    {
        const string familyPrefix = "family:";
        if (!subtask.Source.StartsWith(familyPrefix, StringComparison.Ordinal) ||
            _findFamily(subtask.Source[familyPrefix.Length..]) is not { } family)
        {
            throw new InvalidOperationException($"Subtask '{subtask.Name}' has an unknown source '{subtask.Source}'.");
        }

        var rejections = new SortedDictionary<string, int>(StringComparer.Ordinal);
        int rejected = 0;
        string familySource = "family:" + family.Card.Id;
        for (int index = 0; index < subtask.Quota; index++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var difficulty = subtask.Difficulty ?? MixedLevels[index % MixedLevels.Length];
            if (Reusable(journal, request, subtask, index, difficulty, family, source => source == familySource, context) is { } reused)
            {
                rejected += Reuse(reused, context, items, rejections);
                continue;
            }

            var attemptRejections = new List<string>();
            string lastRejection = string.Empty;
            bool accepted = false;
            for (int attempt = 0; attempt < MaxAttemptsPerItem && !accepted; attempt++)
            {
                ulong seed = StableHash.Seed(request.Seed, subtask.Name, index, attempt);
                var candidate = new CandidateSample(family.Generate(seed, difficulty), family, difficulty);
                var failure = _verifier.FirstFailure(candidate, context);
                if (failure is not null)
                {
                    rejected++;
                    rejections[failure.Check] = rejections.GetValueOrDefault(failure.Check) + 1;
                    attemptRejections.Add(failure.Check);
                    lastRejection = $"{failure.Check}: {failure.Message}";
                    continue;
                }

                context.AddPrompt(candidate.Sample.Prompt);
                var item = CreateItem(subtask, family, candidate, seed, index, attempt);
                items.Add(item);
                journal?.Append(new JournalEntry(item, attemptRejections));
                accepted = true;
            }

            if (!accepted)
            {
                throw new QuotaShortfallException(subtask.Name, subtask.Quota, index, lastRejection);
            }
        }

        return new SubtaskReport(subtask.Name, subtask.Quota, rejected, rejections);
    }

    /// <summary>
    /// Realises a dataset subtask: position <c>i</c> draws its record and chain, then the chain's randomness,
    /// from one generator seeded by (benchmark seed, subtask, i, attempt).
    /// </summary>
    private SubtaskReport ExecuteDatasetSubtask(
        BenchmarkRequest request, PlannedSubtask subtask, Dataset dataset, VerificationContext context, List<BenchmarkItem> items, IItemJournal? journal, CancellationToken cancellationToken)
    {
        var chains = subtask.Transformations
            .Select(name => DatasetChains.Find(name) ?? throw new InvalidOperationException($"Subtask '{subtask.Name}' names an unknown transformation chain '{name}'."))
            .ToList();
        if (chains.Count == 0 || dataset.Records.Count == 0)
        {
            throw new InvalidOperationException($"Subtask '{subtask.Name}' has no transformation chain or no records.");
        }

        var difficulty = subtask.Difficulty ?? Difficulty.Medium;
        var type = dataset.Card.AnswerType;
        var rejections = new SortedDictionary<string, int>(StringComparer.Ordinal);
        int rejected = 0;
        string recordPrefix = $"dataset:{dataset.Card.Name}#";
        HashSet<string> recordIds = journal is null ? [] : dataset.Records.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        for (int index = 0; index < subtask.Quota; index++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (Reusable(journal, request, subtask, index, difficulty, null, source => source.StartsWith(recordPrefix, StringComparison.Ordinal) && recordIds.Contains(source[recordPrefix.Length..]), context) is { } reused)
            {
                rejected += Reuse(reused, context, items, rejections);
                continue;
            }

            var attemptRejections = new List<string>();
            string lastRejection = string.Empty;
            bool accepted = false;
            for (int attempt = 0; attempt < MaxAttemptsPerItem && !accepted; attempt++)
            {
                ulong seed = StableHash.Seed(request.Seed, subtask.Name, index, attempt);
                var rng = new DeterministicRandom(seed);
                var record = dataset.Records[rng.Next(dataset.Records.Count)];
                var chain = chains[rng.Next(chains.Count)];
                var sample = chain.Apply(record, type, dataset.Records, rng);
                if (sample is null)
                {
                    rejected++;
                    rejections["transformation"] = rejections.GetValueOrDefault("transformation") + 1;
                    attemptRejections.Add("transformation");
                    lastRejection = $"transformation: {chain.Name} did not apply to a drawn record.";
                    continue;
                }

                var candidate = new CandidateSample(new FamilySample(sample.Prompt, sample.Answer, sample.Choices), null, difficulty)
                {
                    Solution = sample.Solution,
                };
                var failure = _verifier.FirstFailure(candidate, context);
                if (failure is not null)
                {
                    rejected++;
                    rejections[failure.Check] = rejections.GetValueOrDefault(failure.Check) + 1;
                    attemptRejections.Add(failure.Check);
                    lastRejection = $"{failure.Check}: {failure.Message}";
                    continue;
                }

                context.AddPrompt(sample.Prompt);
                // The record id is an opaque label from the file: it is only ever written as text.
                string source = $"dataset:{dataset.Card.Name}#{record.Id}";
                string seedHex = seed.ToString("x16", CultureInfo.InvariantCulture);
                string id = StableHash.Hex(10, subtask.Name, source, seedHex);
                var provenance = new ItemProvenance(source, seedHex, index, attempt, sample.Chain, _verifier.CheckNames);
                var item = new BenchmarkItem(id, subtask.Name, difficulty, sample.Prompt, sample.Choices, sample.Answer, provenance);
                items.Add(item);
                journal?.Append(new JournalEntry(item, attemptRejections));
                accepted = true;
            }

            if (!accepted)
            {
                throw new QuotaShortfallException(subtask.Name, subtask.Quota, index, lastRejection);
            }
        }

        return new SubtaskReport(subtask.Name, subtask.Quota, rejected, rejections);
    }

    private BenchmarkItem CreateItem(PlannedSubtask subtask, ITaskFamily family, CandidateSample candidate, ulong seed, int index, int attempt)
    {
        string seedHex = seed.ToString("x16", CultureInfo.InvariantCulture);
        string source = "family:" + family.Card.Id;
        // The id depends on provenance only, never on the text, so a reviewer's edit keeps the id.
        string id = StableHash.Hex(10, subtask.Name, source, seedHex);
        var provenance = new ItemProvenance(source, seedHex, index, attempt, [], _verifier.CheckNames);
        return new BenchmarkItem(
            id,
            subtask.Name,
            candidate.Difficulty,
            candidate.Sample.Prompt,
            candidate.Sample.Choices,
            candidate.Sample.Answer,
            provenance);
    }
}
