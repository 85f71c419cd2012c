using System.Globalization;
using BenchmarkAgent.Grounding;
using BenchmarkAgent.Transformations;

namespace BenchmarkAgent.Planning;

/// <summary>
/// The offline backbone's planner: design by lexical retrieval over the family catalog and the grounded datasets
/// (<see cref="FamilyChooser"/>), allocation by relevance. Deterministic: the same request always gives the same plan.
/// A query that nothing covers well fails (<see cref="UncoveredQueryException"/>) unless the request allows weak matches.
/// </summary>
internal sealed class OfflinePlanner : IBenchmarkPlanner
{
    /// <summary>The backbone name written to plans.</summary>
    public const string BackboneName = "offline";

    /// <summary>The most task-family subtasks a plan holds (see <see cref="FamilyChooser"/>).</summary>
    public const int MaxSubtasks = FamilyChooser.MaxFamilies;

    private readonly FamilyCatalog _catalog;

    /// <summary>Creates a planner over <paramref name="catalog"/>.</summary>
    public OfflinePlanner(FamilyCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        _catalog = catalog;
    }

    /// <inheritdoc />
    public ValueTask<BenchmarkPlan> PlanAsync(BenchmarkRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(Plan(request));
    }

    /// <summary>The most transformation chains one dataset subtask applies.</summary>
    public const int MaxChainsPerDataset = 4;

    /// <summary>Plans synchronously; the only I/O is reading the request's datasets.</summary>
    /// <exception cref="Grounding.DatasetFormatException">A dataset cannot be read (BA0401).</exception>
    /// <exception cref="DatasetShortfallException">The datasets cannot supply the quota and no family can take the rest (BA0304).</exception>
    /// <exception cref="UncoveredQueryException">Nothing covers the query well and the request does not allow weak matches (BA0310).</exception>
    public BenchmarkPlan Plan(BenchmarkRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var warnings = new List<string>();
        if (_catalog.Families.Count == 0)
        {
            throw new InvalidOperationException("The family catalog is empty.");
        }

        var grounded = PlanDatasets(request, warnings);
        var choice = FamilyChooser.Choose(_catalog, request.Query, grounded.Select(g => g.Dataset.Card).ToList(), request.AllowWeakMatch);
        if (!choice.Covered && !request.AllowWeakMatch)
        {
            throw new UncoveredQueryException(PlanExplanation.Uncovered(choice, _catalog));
        }

        if (!choice.Covered)
        {
            warnings.Add(PlanExplanation.WeakMatchWarning(choice));
        }

        var chosen = choice.Chosen.ToList();

        // Dataset subtasks come first: the user registered them explicitly.
        if (grounded.Count > request.Quota)
        {
            grounded = grounded.Take(request.Quota).ToList();
        }

        if (grounded.Count + chosen.Count > request.Quota)
        {
            chosen = chosen.Take(request.Quota - grounded.Count).ToList();
        }

        var subtasks = new List<PlannedSubtask>(grounded.Count + chosen.Count);
        subtasks.AddRange(grounded.Select(g => g.Subtask));
        for (int i = 0; i < chosen.Count; i++)
        {
            var match = chosen[i];
            var card = match.Family.Card;
            subtasks.Add(new PlannedSubtask(
                card.Id,
                card.Description,
                card.Skill,
                card.AnswerType,
                request.Difficulty,
                new FamilySource(card.Id),
                match.Lexical.Combined,
                PlanExplanation.Rationale(match, i, choice),
                0)
            {
                Retrieval = match.Lexical,
            });
        }

        var modifiers = ModifierPlanner.Apply(choice.Modifiers, subtasks, chosen);
        warnings.AddRange(ModifierPlanner.Warnings(modifiers));
        var capacities = grounded.Select(g => (int?)g.Capacity).Concat(chosen.Select(_ => (int?)null)).ToList();
        var quotas = AllocateWithCapacity(request.Quota, subtasks, capacities);
        subtasks = subtasks.Select((s, i) => s with { Quota = quotas[i] }).ToList();
        var datasets = grounded.ToDictionary(g => g.Subtask.Name, g => g.Dataset, StringComparer.Ordinal);
        return new BenchmarkPlan(request, BackboneName, subtasks, warnings)
        {
            Datasets = datasets,
            Retrieval = new PlanRetrieval(choice.Coverage, choice.Covered, choice.UnmatchedTerms, choice.Rejected, modifiers),
        };
    }

    /// <summary>
    /// Splits the quota by relevance, then caps each dataset subtask at what it can supply and moves the
    /// shortfall to the other subtasks; throws when nothing is left to take it.
    /// </summary>
    private static int[] AllocateWithCapacity(int quota, IReadOnlyList<PlannedSubtask> subtasks, IReadOnlyList<int?> capacities)
    {
        int n = subtasks.Count;
        var fixedQuota = new int?[n];
        while (true)
        {
            var free = Enumerable.Range(0, n).Where(i => fixedQuota[i] is null).ToList();
            int remaining = quota - fixedQuota.Sum(q => q ?? 0);
            if (free.Count == 0)
            {
                if (remaining > 0)
                {
                    string detail = string.Join(
                        "; ",
                        subtasks.Select((s, i) => $"{s.Name}: {capacities[i]} (records x transformations that apply)"));
                    throw new DatasetShortfallException(quota, quota - remaining, detail);
                }

                return fixedQuota.Select(q => q ?? 0).ToArray();
            }

            var shares = QuotaAllocator.Allocate(remaining, free.Select(i => Math.Max(subtasks[i].Relevance, 0.01)).ToList());
            var over = free.Where((i, k) => capacities[i] is { } cap && shares[k] > cap).ToList();
            if (over.Count == 0)
            {
                for (int k = 0; k < free.Count; k++)
                {
                    fixedQuota[free[k]] = shares[k];
                }

                return fixedQuota.Select(q => q ?? 0).ToArray();
            }

            foreach (int i in over)
            {
                fixedQuota[i] = capacities[i];
            }
        }
    }

    /// <summary>Reads and ranks the request's datasets; one subtask per dataset with an accepted chain, a warning for each without.</summary>
    private static List<(PlannedSubtask Subtask, Dataset Dataset, int Capacity)> PlanDatasets(BenchmarkRequest request, List<string> warnings)
    {
        var result = new List<(PlannedSubtask, Dataset, int)>();
        if (request.Datasets.Count == 0)
        {
            return result;
        }

        var matcher = new DatasetMatcher();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (string path in request.Datasets)
        {
            var dataset = WellKnownDatasetCards.Enrich(DatasetReader.Read(path));
            var candidates = matcher.Rank(request.Query, [dataset], DatasetChains.All, Math.Max(request.Quota, 1));
            var accepted = candidates.Where(c => c.Score.Accepted).Take(MaxChainsPerDataset).ToList();
            var card = dataset.Card;
            if (accepted.Count == 0)
            {
                warnings.Add(
                    $"Dataset '{card.Name}' ({Path.GetFileName(Path.TrimEndingDirectorySeparator(path))}) is not used: " +
                    $"{candidates[0].Score.Rationale}. Mention what it tests in the query, or give it a card with tasks and keywords.");
                continue;
            }

            string name = UniqueName("dataset-" + Slug(card.Name), names);
            var top = accepted[0].Score;
            int capacity = accepted.Sum(c => dataset.Records.Count(r => c.Transformation.AppliesTo(r, card.AnswerType)));
            var chains = accepted.Select(c => c.Transformation.Name).ToList();
            string rationale =
                $"Grounded in dataset '{card.Name}' ({dataset.Records.Count} records; grounding {Format(top.Total)}, {top.Rationale}); " +
                $"transformations: {string.Join(", ", chains)}.";
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
            };
            result.Add((subtask, dataset, capacity));
        }

        return result;
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
