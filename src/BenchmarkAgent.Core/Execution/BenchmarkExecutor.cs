using System.Globalization;
using BenchmarkAgent.Families;
using BenchmarkAgent.Grounding;
using BenchmarkAgent.Persistence;
using BenchmarkAgent.Planning;
using BenchmarkAgent.Transformations;
using BenchmarkAgent.Verification;
using BenchmarkAgent.Items;
using BenchmarkAgent.Media;

namespace BenchmarkAgent.Execution;

/// <summary>
/// The Benchmark Executor: realises each planned subtask sample by sample, verifies every sample, and
/// recycles rejected ones until the quota is met or the attempt budget is spent.
/// </summary>
/// <remarks>
/// The sample at position <c>i</c> of a subtask is seeded by (benchmark seed, subtask, i, attempt) only,
/// so growing the quota keeps every existing item and adds new ones after them.
/// </remarks>
internal sealed partial class BenchmarkExecutor
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

    /// <summary>
    /// Realises one position of a subtask's sample stream: tries attempts 0, 1, ... until one passes verification
    /// (then records its prompt in <paramref name="context"/>) or the attempt budget is spent. With a
    /// <paramref name="journal"/>, first reuses the position from it when it holds exactly what this plan would produce
    /// there (re-verified), and appends a newly realised position to it.
    /// </summary>
    /// <param name="plan">The plan the subtask belongs to (its request seed and datasets).</param>
    /// <param name="subtask">The subtask.</param>
    /// <param name="index">The position in the subtask's stream (0-based).</param>
    /// <param name="generation">
    /// The stream: 0 is the first generation, seeded by (seed, subtask, index, attempt); generation n &gt; 0 (the n-th
    /// refresh) is seeded by (<see cref="GenerationSeed"/>(seed, n), subtask, index, attempt), so it holds fresh items with fresh ids.
    /// </param>
    /// <param name="context">What was accepted so far (duplicate detection).</param>
    /// <param name="journal">An interrupted run's accepted positions, and where newly accepted ones are recorded; null for none.</param>
    public PositionResult Realise(BenchmarkPlan plan, PlannedSubtask subtask, int index, int generation, VerificationContext context, IItemJournal? journal = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(subtask);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfNegative(generation);
        var realiser = plan.Datasets.TryGetValue(subtask.Name, out var dataset)
            ? DatasetRealiser(subtask, dataset)
            : FamilyRealiser(subtask);
        return RealiseJournalled(plan, subtask, index, generation, context, realiser, journal);
    }

    /// <summary>The seed of one attempt at one position of one generation's stream.</summary>
    public static ulong PositionSeed(int benchmarkSeed, string subtask, int index, int attempt, int generation = 0) =>
        generation == 0
            ? StableHash.Seed(benchmarkSeed, subtask, index, attempt)
            : StableHash.Seed(GenerationSeed(benchmarkSeed, generation), subtask, index, attempt);

    /// <summary>The seed of the n-th refresh's stream, derived from (benchmark seed, n).</summary>
    public static ulong GenerationSeed(int benchmarkSeed, int generation) => StableHash.Seed(benchmarkSeed, "generation", generation);

    /// <summary>One attempt: the item and its media bytes (or a rejection as (check, message)) for a seed at a position.</summary>
    private delegate (BenchmarkItem? Item, IReadOnlyList<MediaContent> Media, string Check, string Message) AttemptRealiser(ulong seed, int index, int attempt, VerificationContext context);

    private PositionResult RealiseAttempts(
        BenchmarkRequest request, PlannedSubtask subtask, int index, int generation, VerificationContext context, AttemptRealiser realiser, List<string>? attemptChecks = null)
    {
        var checks = attemptChecks ?? [];
        string lastRejection = string.Empty;
        for (int attempt = 0; attempt < MaxAttemptsPerItem; attempt++)
        {
            ulong seed = PositionSeed(request.Seed, subtask.Name, index, attempt, generation);
            var (item, media, check, message) = realiser(seed, index, attempt, context);
            if (item is not null)
            {
                context.AddItem(item);
                item = generation == 0 ? item : item with { Curation = item.Curation with { Generation = generation } };
                return new PositionResult(item, checks.Count, RejectionCounts.Of(checks), lastRejection) { MediaFiles = media };
            }

            checks.Add(check);
            lastRejection = $"{check}: {message}";
        }

        return new PositionResult(null, checks.Count, RejectionCounts.Of(checks), lastRejection);
    }

    private AttemptRealiser FamilyRealiser(PlannedSubtask subtask)
    {
        if (subtask.Source is not FamilySource source || _findFamily(source.FamilyId) is not { } family)
        {
            throw new InvalidOperationException($"Subtask '{subtask.Name}' has an unknown source '{subtask.Source}'.");
        }

        return (seed, index, attempt, context) =>
        {
            var difficulty = subtask.Difficulty ?? MixedLevels[index % MixedLevels.Length];
            var candidate = new CandidateSample(family.Generate(seed, difficulty), family, difficulty);
            var failure = _verifier.FirstFailure(candidate, context);
            return failure is not null
                ? (null, [], failure.Check, failure.Message)
                : (CreateItem(subtask, family, candidate, seed, index, attempt), candidate.Sample.Media, string.Empty, string.Empty);
        };
    }

    /// <summary>
    /// A dataset subtask: position <c>i</c> draws its record and chain, then the chain's randomness,
    /// from one generator seeded by (benchmark seed, subtask, i, attempt).
    /// </summary>
    private AttemptRealiser DatasetRealiser(PlannedSubtask subtask, Dataset dataset)
    {
        var datasetSource = new DatasetSource(dataset.Card.Name);
        var chains = subtask.Transformations
            .Select(name => DatasetChains.Find(name) ?? throw new InvalidOperationException($"Subtask '{subtask.Name}' names an unknown transformation chain '{name}'."))
            .ToList();
        if (chains.Count == 0 || dataset.Records.Count == 0)
        {
            throw new InvalidOperationException($"Subtask '{subtask.Name}' has no transformation chain or no records.");
        }

        var difficulty = subtask.Difficulty ?? Difficulty.Medium;
        var type = dataset.Card.AnswerType;
        return (seed, index, attempt, context) =>
        {
            var rng = new DeterministicRandom(seed);
            var record = dataset.Records[rng.Next(dataset.Records.Count)];
            var chain = chains[rng.Next(chains.Count)];
            var (candidate, sample, check, message) = RecordRealisation.Realise(record, chain, type, dataset.Records, rng, difficulty, _verifier, context);
            if (candidate is null || sample is null)
            {
                return (null, [], check, message);
            }

            // The record id is an opaque label from the file: only ever written as text, normalised (no separators,
            // control or bidirectional characters) before it enters the snapshot.
            var source = datasetSource.ForRecord(RecordIds.Normalise(record.Id));
            string seedHex = seed.ToString("x16", CultureInfo.InvariantCulture);
            string id = ItemId(subtask.Name, source, seedHex);
            var provenance = new ItemProvenance(source, seedHex, index, attempt, sample.Chain, _verifier.CheckNames)
            {
                RecordHash = ItemProvenance.DatasetRecordHash(record),
            };
            var item = new BenchmarkItem(id, subtask.Name, difficulty, sample.Prompt, sample.Choices, sample.Answer, provenance)
            {
                Context = sample.Context,
                Media = record.Media.Select(MediaReference.For).ToList(),
            };
            return (item, record.Media, string.Empty, string.Empty);
        };
    }

    private BenchmarkItem CreateItem(PlannedSubtask subtask, ITaskFamily family, CandidateSample candidate, ulong seed, int index, int attempt)
    {
        string seedHex = seed.ToString("x16", CultureInfo.InvariantCulture);
        var source = new FamilySource(family.Card.Id);
        string id = ItemId(subtask.Name, source, seedHex);
        var provenance = new ItemProvenance(source, seedHex, index, attempt, [], _verifier.CheckNames);
        return new BenchmarkItem(
            id,
            subtask.Name,
            candidate.Difficulty,
            candidate.Sample.Prompt,
            candidate.Sample.Choices,
            candidate.Sample.Answer,
            provenance)
        {
            Media = candidate.Sample.Media.Select(MediaReference.For).ToList(),
        };
    }

    /// <summary>An item's id: it depends on provenance only, never on the text, so a reviewer's edit keeps the id.</summary>
    internal static string ItemId(string subtask, ItemSource source, string seedHex) => StableHash.Hex(10, subtask, source.ToString(), seedHex);
}
