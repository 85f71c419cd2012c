using System.Globalization;
using BenchmarkAgent.Grounding;
using BenchmarkAgent.Transformations;

namespace BenchmarkAgent.Planning;

/// <summary>The dataset part of the offline planner: one subtask per registered dataset that grounds the query.</summary>
internal static class DatasetPlanning
{
    /// <summary>The most transformation chains one dataset subtask applies.</summary>
    public const int MaxChainsPerDataset = 4;

    /// <summary>The share of a dataset subtask's realisable (record, chain) pairs its quota may take: random draws need room.</summary>
    public const double UsableShare = 0.5;

    /// <summary>A chain joins a subtask only when it realises at least this share of what its best chain realises.</summary>
    public const double ChainShare = 0.5;

    /// <summary>
    /// Reads and ranks the request's datasets: one subtask per dataset with an accepted chain, a warning for each without.
    /// A dataset that cannot be read is left out with a coded notice (BA0410) when another registered dataset reads; when
    /// none reads, the first error is thrown. Applicability is measured by realising records with the executor's code.
    /// </summary>
    /// <exception cref="DatasetFormatException">No registered dataset can be read.</exception>
    public static List<(PlannedSubtask Subtask, Dataset Dataset, int Capacity)> Plan(BenchmarkRequest request, List<string> warnings, List<PlanNotice> notices)
    {
        var result = new List<(PlannedSubtask, Dataset, int)>();
        if (request.Datasets.Count == 0)
        {
            return result;
        }

        var read = new List<(string Path, Dataset Dataset)>();
        var failures = new List<DatasetFormatException>();
        foreach (string path in request.Datasets)
        {
            try
            {
                var dataset = WellKnownDatasetCards.Enrich(DatasetReader.Read(path, request.MediaBudget));
                read.Add((path, dataset));
                if (dataset.MediaProblems.Count > 0)
                {
                    notices.Add(MediaSkipNotice(path, dataset));
                }
            }
            catch (DatasetFormatException ex)
            {
                failures.Add(ex);
            }
        }

        if (read.Count == 0)
        {
            throw failures[0];
        }

        foreach (var failure in failures)
        {
            notices.Add(new PlanNotice(
                ErrorCodes.DatasetLeftOut,
                failure.File,
                failure.Line,
                $"dataset left out of the pool ({failure.Code}: {failure.Detail}); the other registered datasets are used. Fix the file, or remove it from Datasets."));
        }

        var matcher = new DatasetMatcher();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (path, dataset) in read)
        {
            var candidates = matcher.Rank(request.Query, [dataset], DatasetChains.All, Math.Max(request.Quota, 1));
            var accepted = candidates.Where(c => c.Score.Accepted).ToList();
            var card = dataset.Card;
            if (accepted.Count == 0)
            {
                warnings.Add(
                    $"Dataset '{card.Name}' ({Path.GetFileName(Path.TrimEndingDirectorySeparator(path))}) is not used: " +
                    $"{candidates[0].Score.Rationale}. Mention what it tests in the query, or give it a card with tasks and keywords.");
                continue;
            }

            int best = accepted.Max(Realisable);
            var used = accepted.Where(c => Realisable(c) >= ChainShare * best).Take(MaxChainsPerDataset).ToList();
            string name = UniqueName("dataset-" + Slug(card.Name), names);
            var top = used[0].Score;
            var realisedDataset = OnlyRealisable(dataset, used);
            int capacity = (int)(used.Sum(Realisable) * UsableShare);
            var chains = used.Select(c => c.Transformation.Name).ToList();
            string rationale =
                $"Grounded in dataset '{card.Name}' ({dataset.Records.Count} records; grounding {Format(top.Total)}, {top.Rationale}); " +
                $"transformations: {string.Join(", ", chains)}.";
            var outcomes = candidates.Select(c => new CandidateOutcome(
                card.Name,
                c.Transformation.Name,
                c.Score.Alignment,
                c.Score.Total,
                Realisable(c),
                !c.Score.Accepted ? CandidateOutcome.Rejected : used.Contains(c) ? CandidateOutcome.Accepted : CandidateOutcome.Spare,
                !c.Score.Accepted ? c.Score.Rationale
                    : used.Contains(c) ? c.Score.Rationale
                    : $"spare: realises {Realisable(c)} records, fewer than {Format(ChainShare)} of the best chain's {best}, or the subtask already has {MaxChainsPerDataset} chains"))
                .ToList();
            var subtask = new PlannedSubtask(
                name,
                card.Description.Length > 0 ? card.Description : $"Records of dataset '{card.Name}'.",
                card.Tasks.Count > 0 ? card.Tasks[0] : "grounded",
                card.AnswerType,
                request.Difficulty,
                new DatasetSource(card.Name),
                top.Total,
                rationale,
                0)
            {
                Transformations = chains,
                Grounding = top,
                Candidates = outcomes,
            };
            result.Add((subtask, realisedDataset, capacity));
        }

        return result;
    }

    /// <summary>The BA0424 warning for a dataset some of whose records were left out for their media: counts per problem, and the first record of each.</summary>
    private static PlanNotice MediaSkipNotice(string path, Dataset dataset)
    {
        var byCode = dataset.MediaProblems.GroupBy(p => p.Code).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => $"{g.Count()} x {g.Key} (first: {g.First().Message})");
        return new PlanNotice(
            ErrorCodes.DatasetMediaRecordsSkipped,
            path,
            0,
            $"{dataset.MediaProblems.Count} records of dataset '{dataset.Card.Name}' were left out because of their media, {dataset.Records.Count} are used: {string.Join("; ", byCode)}. Fix those records' media paths or files.");
    }

    /// <summary>
    /// The families that join grounded datasets: only those that match the query better than the best registered
    /// dataset aligns with it (strictly better). The user registered the pool for this query; a family that fits worse would only dilute it.
    /// </summary>
    public static List<CatalogMatch> FamiliesBesideDatasets(List<CatalogMatch> chosen, List<(PlannedSubtask Subtask, Dataset Dataset, int Capacity)> grounded)
    {
        if (grounded.Count == 0)
        {
            return chosen;
        }

        double bestAlignment = grounded.Max(g => g.Subtask.Grounding?.Alignment ?? 0);
        return chosen.Where(m => m.Score > bestAlignment).ToList();
    }

    /// <summary>Marks the used candidates of a dataset subtask whose quota took all it can supply as exhausted.</summary>
    public static PlannedSubtask MarkExhausted(PlannedSubtask subtask, int? capacity)
    {
        if (capacity is not { } cap || subtask.Quota < cap || subtask.Candidates.Count == 0)
        {
            return subtask;
        }

        return subtask with
        {
            Candidates = subtask.Candidates
                .Select(c => c.Decision == CandidateOutcome.Accepted
                    ? c with
                    {
                        Decision = CandidateOutcome.Exhausted,
                        Reason = $"exhausted: the subtask takes all {cap} items its chains can supply ({Format(UsableShare)} of the realisable record-chain pairs); the rest of its share went to the other subtasks. {c.Reason}",
                    }
                    : c)
                .ToList(),
        };
    }

    /// <summary>
    /// The generation-time fallback: the dataset subtask <paramref name="subtaskName"/> ran out of attempts after
    /// <paramref name="produced"/> items (duplicates or verification rejects the probe could not foresee), so its quota is
    /// capped there and the rest re-allocated to the other subtasks by score. Null when the subtask is not a dataset
    /// subtask or the others cannot take the rest (the shortfall then stands as BA0301).
    /// </summary>
    public static BenchmarkPlan? Reallocate(BenchmarkPlan plan, string subtaskName, int produced, string lastRejection)
    {
        ArgumentNullException.ThrowIfNull(plan);
        int failed = plan.Subtasks.ToList().FindIndex(s => s.Name == subtaskName);
        if (failed < 0 || !plan.Datasets.ContainsKey(subtaskName) || produced >= plan.Subtasks[failed].Quota)
        {
            return null;
        }

        var capacities = plan.Subtasks
            .Select((s, i) => i == failed ? produced : plan.Datasets.ContainsKey(s.Name) ? (FellShort(s) ? s.Quota : Capacity(s)) : (int?)null)
            .ToList();
        int[] quotas;
        try
        {
            quotas = CapacityAllocation.Allocate(plan.Request.Quota, plan.Subtasks, capacities);
        }
        catch (DatasetShortfallException)
        {
            return null;
        }

        var subtasks = plan.Subtasks.Select((s, i) =>
        {
            var updated = s with { Quota = quotas[i] };
            return i != failed ? updated : updated with
            {
                Candidates = s.Candidates
                    .Select(c => c.Decision is CandidateOutcome.Accepted or CandidateOutcome.Exhausted
                        ? c with
                        {
                            Decision = CandidateOutcome.Exhausted,
                            Reason = $"{GenerationShortfall} the subtask produced {produced} of its {s.Quota} items before its attempts ran out (last rejection: {lastRejection}); the rest went to the other subtasks.",
                        }
                        : c)
                    .ToList(),
            };
        }).ToList();
        return plan with { Subtasks = subtasks };
    }

    /// <summary>Whether an earlier round already capped the subtask at what it produced.</summary>
    private static bool FellShort(PlannedSubtask subtask) =>
        subtask.Candidates.Any(c => c.Reason.StartsWith(GenerationShortfall, StringComparison.Ordinal));

    private const string GenerationShortfall = "exhausted at generation:";

    /// <summary>What a dataset subtask can supply: its share of the realisable pairs of its used chains.</summary>
    private static int Capacity(PlannedSubtask subtask) =>
        (int)(subtask.Candidates.Where(c => c.Decision is CandidateOutcome.Accepted or CandidateOutcome.Exhausted).Sum(c => c.Realisable) * UsableShare);

    private static int Realisable(GroundingCandidate candidate) =>
        candidate.Probe?.Realisable ?? candidate.Dataset.Records.Count(r => candidate.Transformation.AppliesTo(r, candidate.Dataset.Card.AnswerType));

    /// <summary>
    /// The dataset with only the records some used chain realises, when every record was tried: the executor then never
    /// draws a record that cannot become an item. A sampled (large) dataset is kept whole.
    /// </summary>
    private static Dataset OnlyRealisable(Dataset dataset, List<GroundingCandidate> used)
    {
        if (used.Any(c => c.Probe is not { Exhaustive: true }))
        {
            return dataset;
        }

        var keep = new SortedSet<int>(used.SelectMany(c => c.Probe!.RealisedIndices));
        return keep.Count == dataset.Records.Count ? dataset : dataset with { Records = keep.Select(i => dataset.Records[i]).ToList() };
    }

    /// <summary>A kebab-case name from untrusted card text: lowercase letters and digits joined by '-'.</summary>
    private static string Slug(string text)
    {
        var parts = new List<string>();
        var current = new System.Text.StringBuilder();
        foreach (char ch in text.ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(ch))
            {
                current.Append(ch);
            }
            else if (current.Length > 0)
            {
                parts.Add(current.ToString());
                current.Clear();
            }
        }

        if (current.Length > 0)
        {
            parts.Add(current.ToString());
        }

        string slug = string.Join('-', parts);
        return slug.Length == 0 ? "data" : slug[..Math.Min(slug.Length, 40)].TrimEnd('-');
    }

    private static string UniqueName(string name, HashSet<string> taken)
    {
        string candidate = name;
        for (int k = 2; !taken.Add(candidate); k++)
        {
            candidate = $"{name}-{k.ToString(CultureInfo.InvariantCulture)}";
        }

        return candidate;
    }

    private static string Format(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);
}
