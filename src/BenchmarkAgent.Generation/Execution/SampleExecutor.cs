using System.Globalization;
using BenchmarkAgent.Execution;
using BenchmarkAgent.Families;
using BenchmarkAgent.Generation.Calls;
using BenchmarkAgent.Generation.Prompts;
using BenchmarkAgent.Generation.Verification;
using BenchmarkAgent.Items;
using BenchmarkAgent.Planning;
using BenchmarkAgent.Snapshots;

namespace BenchmarkAgent.Generation.Execution;

/// <summary>
/// The Benchmark Executor on the generator role, per sample: a brief (core facts, reasoning hops, leakage guards), then
/// a bounded loop of steps: realise (the family tool, a dataset transformation, or a model draft), the offline checks,
/// the inspector (with packaging repairs), the quality rater. A failed step is rolled back: the candidate before it is
/// kept, and a model draft is redrafted with the problems stated, until the step budget is spent; then the next seed
/// is tried. The position's seed stream is the offline executor's, so ids are stable across runs.
/// </summary>
internal sealed class SampleExecutor
{
    private static readonly Difficulty[] MixedLevels = [Difficulty.Easy, Difficulty.Medium, Difficulty.Hard];

    private readonly GeneratorCaller _caller;
    private readonly LlmBackboneOptions _options;
    private readonly Inspector _inspector;
    private readonly QualityRater _rater;
    private readonly Dictionary<string, ITaskFamily> _families;

    /// <summary>Creates the executor.</summary>
    public SampleExecutor(GeneratorCaller caller, LlmBackboneOptions options, IReadOnlyList<string> offlineChecks)
    {
        _caller = caller;
        _options = options;
        _inspector = new Inspector(caller);
        _rater = new QualityRater(caller);
        _families = options.Families.ToDictionary(f => f.Card.Id, StringComparer.Ordinal);
        CheckNames = [.. offlineChecks, "inspector", "quality"];
    }

    /// <summary>The checks every item passes, as recorded in its provenance.</summary>
    public IReadOnlyList<string> CheckNames { get; }

    /// <summary>Realises one position: reuses it from the journal when it fits, otherwise tries seeds until one is accepted.</summary>
    public async ValueTask<PositionResult> RealiseAsync(BenchmarkPlan plan, PlannedSubtask subtask, int index, int generation, GenerationRun run, CancellationToken cancellationToken)
    {
        if (Reusable(plan, subtask, index, generation, run) is { } reused)
        {
            return reused;
        }

        var rejections = new List<string>();
        string last = string.Empty;
        var difficulty = subtask.Difficulty ?? MixedLevels[index % MixedLevels.Length];
        for (int attempt = 0; attempt < _options.MaxAttemptsPerItem; attempt++)
        {
            ulong seed = BenchmarkExecutor.PositionSeed(plan.Request.Seed, subtask.Name, index, attempt, generation);
            (BenchmarkItem? Item, string Last) outcome;
            try
            {
                outcome = await TryCandidateAsync(plan, subtask, index, attempt, generation, seed, difficulty, run, rejections, cancellationToken).ConfigureAwait(false);
                run.CallsSucceeded();
            }
            catch (LlmGenerationException ex) when (ex.Code == ErrorCodes.GeneratorCallFailed && !cancellationToken.IsCancellationRequested)
            {
                // A call of this candidate failed for good (the model layer's retries are spent): the candidate is rejected and
                // the next seed tried, unless the endpoint keeps failing, which ends the generation (BA0500).
                if (run.CallFailed() >= GenerationRun.MaxConsecutiveCallFailures)
                {
                    throw;
                }

                rejections.Add("call");
                last = $"call: {ex.Message}";
                continue;
            }

            if (outcome.Item is { } item)
            {
                return new PositionResult(item, rejections.Count, RejectionCounts.Of(rejections), last);
            }

            last = outcome.Last;
        }

        return new PositionResult(null, rejections.Count, RejectionCounts.Of(rejections), last);
    }

    private async ValueTask<(BenchmarkItem? Item, string Last)> TryCandidateAsync(
        BenchmarkPlan plan, PlannedSubtask subtask, int index, int attempt, int generation, ulong seed, Difficulty difficulty, GenerationRun run, List<string> rejections, CancellationToken cancellationToken)
    {
        string seedHex = seed.ToString("x16", CultureInfo.InvariantCulture);
        string query = plan.Request.Query;
        string last = string.Empty;
        int steps = 0;
        void Reject(string check, string message)
        {
            rejections.Add(check);
            last = $"{check}: {message}";
        }

        var sampleInput = new
        {
            Query = query,
            Subtask = ItemView.Subtask(subtask),
            Position = index,
            Attempt = attempt,
            Generation = generation,
            Difficulty = SnapshotNames.Difficulty(difficulty),
            Seed = seedHex,
        };
        var brief = await _caller.CallAsync<BriefReply>(PromptStage.Brief, sampleInput, b => b.Problem(), cancellationToken).ConfigureAwait(false);
        steps++;
        if (brief.Value is null)
        {
            Reject("brief", brief.Problem ?? "no brief");
            return (null, last);
        }

        var problems = new List<string>();
        while (steps < _options.MaxStepsPerSample)
        {
            // Realise: a tool step for a grounded subtask, a model step for one the model writes itself.
            var candidate = await RealiseAsync(plan, subtask, sampleInput, brief.Value, seed, difficulty, problems, cancellationToken).ConfigureAwait(false);
            steps++;
            if (candidate.Candidate is not { } current)
            {
                Reject(candidate.Check, candidate.Problem);
                return (null, last);
            }

            bool redraft = current.Draft is not null;
            if (run.Verify(current.Sample, current.Family, difficulty, current.Solution) is { } failure)
            {
                Reject(failure.Check, failure.Message);
                problems.Add($"{failure.Check}: {failure.Message}");
                if (redraft)
                {
                    continue;
                }

                return (null, last);
            }

            if (current.Draft is { } draft && DraftChecks.Problem(draft) is var (draftCheck, draftProblem))
            {
                Reject(draftCheck, draftProblem);
                problems.Add($"{draftCheck}: {draftProblem}");
                continue;
            }

            var failed = await _inspector.InspectAsync(query, subtask, View(current), cancellationToken).ConfigureAwait(false);
            steps++;
            if (failed is null)
            {
                Reject("inspector", "the inspector gave no usable answer");
                return (null, last);
            }

            if (failed.Count > 0)
            {
                var (fixes, blocking) = current.Draft is null ? (null, failed[0]) : RepairPlanner.Plan(failed, subtask.Inputs);
                if (fixes is null)
                {
                    Reject("inspector", $"{blocking!.Category}: {blocking.Issue}");
                    problems.Add($"inspector {blocking.Category}: {blocking.Issue}");
                    if (redraft)
                    {
                        continue;
                    }

                    return (null, last);
                }

                // Repair: packaging fixes only, then the offline checks again; the unfixed candidate is rolled back on failure.
                var fixedDraft = Fixer.Apply(current.Draft!, fixes);
                var (sample, problem) = fixedDraft.ToSample();
                steps++;
                var refailure = sample is null ? null : run.Verify(sample, null, difficulty, null);
                if (sample is null || refailure is not null)
                {
                    string message = problem ?? refailure!.Message;
                    Reject("repair", message);
                    problems.Add("repair: " + message);
                    continue;
                }

                current = current with { Sample = sample, Draft = fixedDraft, Context = fixedDraft.Context, Steps = [.. current.Steps, .. fixes.Select(f => "fix:" + f)] };
            }

            var quality = await _rater.RateAsync(query, subtask, View(current), cancellationToken).ConfigureAwait(false);
            steps++;
            if (quality is null)
            {
                Reject("quality", "the rater gave no usable answer");
                return (null, last);
            }

            if (quality.Lowest < _options.QualityThreshold)
            {
                var low = quality.Ratings.First(r => r.Score == quality.Lowest);
                Reject("quality", $"{low.Criterion} rated {low.Score} (threshold {_options.QualityThreshold}): {low.Reason}");
                problems.Add($"quality {low.Criterion} {low.Score}: {low.Reason}");
                if (redraft)
                {
                    continue;
                }

                return (null, last);
            }

            var item = Item(subtask, current, seedHex, index, attempt, generation, difficulty, quality);
            if (!run.TryAccept(item, [.. rejections], current.Sample.Media))
            {
                Reject("duplicate", "an item with the same prompt was accepted meanwhile");
                return (null, last);
            }

            return (item, last);
        }

        Reject("steps", $"the sample used its {_options.MaxStepsPerSample} steps");
        return (null, last);
    }

    private async ValueTask<(Candidate? Candidate, string Check, string Problem)> RealiseAsync(
        BenchmarkPlan plan, PlannedSubtask subtask, object sampleInput, BriefReply brief, ulong seed, Difficulty difficulty, IReadOnlyList<string> problems, CancellationToken cancellationToken)
    {
        switch (subtask.Source)
        {
            case FamilySource source when _families.TryGetValue(source.FamilyId, out var family):
                return (SampleTools.Realise(family, seed, difficulty), string.Empty, string.Empty);
            case DatasetSource when plan.Datasets.TryGetValue(subtask.Name, out var dataset):
                var transformed = SampleTools.Transform(subtask, dataset, seed);
                return transformed is null ? (null, "transformation", "the transformation did not apply to the drawn record") : (transformed, string.Empty, string.Empty);
            case LlmSource:
                var result = await _caller.CallAsync<DraftReply>(
                    PromptStage.Draft,
                    new { Sample = sampleInput, Brief = brief, Problems = problems.Count == 0 ? null : problems },
                    reply => SampleDraft.From(reply, subtask.AnswerType, subtask.Inputs).Problem,
                    cancellationToken).ConfigureAwait(false);
                if (result.Value is not { } reply)
                {
                    return (null, "draft", result.Problem ?? "no draft");
                }

                var draft = SampleDraft.From(reply, subtask.AnswerType, subtask.Inputs).Draft!;
                return (new Candidate(draft.ToSample().Sample!, subtask.Source, null, draft) { Context = draft.Context }, string.Empty, string.Empty);
            default:
                throw new InvalidOperationException($"Subtask '{subtask.Name}' has a source this backbone cannot realise: '{subtask.Source}'.");
        }
    }

    private static object View(Candidate candidate) =>
        ItemView.Item(candidate.Sample.Prompt, candidate.Context, candidate.Sample.Choices, candidate.Sample.Answer);

    private BenchmarkItem Item(PlannedSubtask subtask, Candidate candidate, string seedHex, int index, int attempt, int generation, Difficulty difficulty, ItemQuality quality)
    {
        string id = BenchmarkExecutor.ItemId(subtask.Name, candidate.Source, seedHex);
        var provenance = new ItemProvenance(candidate.Source, seedHex, index, attempt, candidate.Steps, CheckNames) { RecordHash = candidate.RecordHash };
        var sample = candidate.Sample;
        return new BenchmarkItem(id, subtask.Name, difficulty, sample.Prompt, sample.Choices, sample.Answer, provenance)
        {
            Context = candidate.Context,
            Media = candidate.Sample.Media.Select(Media.MediaReference.For).ToList(),
            Quality = quality,
            Curation = generation == 0 ? ItemCuration.Generated : new ItemCuration(generation),
        };
    }

    /// <summary>
    /// The journalled item of a position when it is exactly what this plan would produce there (same subtask, position,
    /// generation and source, the seed and id of its attempt, the same checks, ratings at the threshold) and still passes
    /// the offline checks; null otherwise, and the position is generated again.
    /// </summary>
    private PositionResult? Reusable(BenchmarkPlan plan, PlannedSubtask subtask, int index, int generation, GenerationRun run)
    {
        if (run.Journal is null || !run.Journal.TryGet(subtask.Name, index, out var entry))
        {
            return null;
        }

        var item = entry.Item;
        var p = item.Provenance;
        var difficulty = subtask.Difficulty ?? MixedLevels[index % MixedLevels.Length];
        bool sourceFits = subtask.Source switch
        {
            DatasetSource => plan.Datasets.TryGetValue(subtask.Name, out var dataset)
                && new DatasetSource(dataset.Card.Name).TryGetRecord(p.Source, out string? record)
                && dataset.Records.Any(r => r.Id == record),
            _ => p.Source == subtask.Source,
        };
        bool fits = sourceFits
            && item.Subtask == subtask.Name
            && p.Index == index
            && item.Curation.Generation == generation
            && item.Difficulty == difficulty
            && p.Attempt >= 0 && p.Attempt < _options.MaxAttemptsPerItem
            && p.Seed == BenchmarkExecutor.PositionSeed(plan.Request.Seed, subtask.Name, index, p.Attempt, generation).ToString("x16", CultureInfo.InvariantCulture)
            && item.Id == BenchmarkExecutor.ItemId(subtask.Name, p.Source, p.Seed)
            && p.Checks.SequenceEqual(CheckNames, StringComparer.Ordinal)
            && item.Quality is { } quality && quality.Lowest >= _options.QualityThreshold
            && item.Media.Count == entry.MediaFiles.Count
            && item.Media.Zip(entry.MediaFiles).All(pair => pair.First == Media.MediaReference.For(pair.Second));
        if (!fits)
        {
            return null;
        }

        var family = p.Source is FamilySource f ? _families.GetValueOrDefault(f.FamilyId) : null;
        if (run.Verify(new FamilySample(item.Prompt, item.Answer, item.Choices) { Media = entry.MediaFiles }, family, difficulty, null) is not null || !run.TryAccept(item, null, entry.MediaFiles))
        {
            return null;
        }

        return new PositionResult(item, entry.Rejections.Count, RejectionCounts.Of(entry.Rejections), string.Empty);
    }
}
