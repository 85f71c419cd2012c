using System.Globalization;
using BenchmarkAgent.Grounding;
using BenchmarkAgent.Transformations;

namespace BenchmarkAgent.Planning;

/// <summary>
/// The offline backbone's planner: design by retrieval over the family catalog, allocation by
/// relevance. Deterministic: the same request always gives the same plan.
/// </summary>
internal sealed class OfflinePlanner : IBenchmarkPlanner
{
    /// <summary>The backbone name written to plans.</summary>
    public const string BackboneName = "offline";

    /// <summary>The most subtasks a plan holds.</summary>
    public const int MaxSubtasks = 6;

    /// <summary>Below this relevance the best match is reported as a weak match.</summary>
    public const double MinimumRelevance = 0.3;

    /// <summary>A family joins the plan when its relevance is at least this fraction of the best one.</summary>
    public const double RelativeCutoff = 0.6;

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

    /// <summary>Plans synchronously; the only I/O is reading the request's datasets.</summary>
    /// <exception cref="Grounding.DatasetFormatException">A dataset cannot be read (BA0401).</exception>
    /// <exception cref="DatasetShortfallException">The datasets cannot supply the quota and no family can take the rest (BA0304).</exception>
    public BenchmarkPlan Plan(BenchmarkRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var ranked = _catalog.Rank(request.Query);
        var warnings = new List<string>();
        if (ranked.Count == 0)
        {
            throw new InvalidOperationException("The family catalog is empty.");
        }

        var notices = new List<PlanNotice>();
        var grounded = DatasetPlanning.Plan(request, warnings, notices);
        double best = ranked[0].Score;
        List<CatalogMatch> chosen;
        if (best < MinimumRelevance && grounded.Count > 0)
        {
            // The registered data grounds the query; weakly matching families would only dilute it.
            chosen = [];
        }
        else if (best < MinimumRelevance && request.Datasets.Count > 0)
        {
            // Datasets were registered and none fits: the closest families would be an off-target benchmark.
            string families = string.Join(", ", ranked.Take(3).Select(m => $"{m.Family.Card.Id} ({Format(m.Score)})"));
            throw new NothingFitsException($"{string.Join(" ", warnings)} Closest task families: {families}, below the relevance {Format(MinimumRelevance)}.".Trim());
        }
        else if (best < MinimumRelevance)
        {
            string names = string.Join(", ", ranked.Take(3).Select(m => $"{m.Family.Card.Id} ({Format(m.Score)})"));
            warnings.Add(
                $"The query matches no task family well (best relevance {Format(best)} < {Format(MinimumRelevance)}); " +
                $"using the closest matches: {names}. Reword the query with the skills to test, or register datasets.");
            chosen = ranked.Take(3).ToList();
        }
        else
        {
            chosen = ranked
                .Where(m => m.Score >= Math.Max(MinimumRelevance, best * RelativeCutoff))
                .Take(MaxSubtasks)
                .ToList();
        }

        chosen = DatasetPlanning.FamiliesBesideDatasets(chosen, grounded);

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
            string rationale = match.MatchedTerms.Count > 0
                ? $"Ranked {i + 1} of {ranked.Count} catalog families (relevance {Format(match.Score)}); the query mentions: {string.Join(", ", match.MatchedTerms)}."
                : $"Ranked {i + 1} of {ranked.Count} catalog families (relevance {Format(match.Score)}); chosen as a closest match without shared terms.";
            subtasks.Add(new PlannedSubtask(
                card.Id,
                card.Description,
                card.Skill,
                card.AnswerType,
                request.Difficulty,
                new FamilySource(card.Id),
                match.Score,
                rationale,
                0));
        }

        var capacities = grounded.Select(g => (int?)g.Capacity).Concat(chosen.Select(_ => (int?)null)).ToList();
        var quotas = CapacityAllocation.Allocate(request.Quota, subtasks, capacities);
        subtasks = subtasks.Select((s, i) => DatasetPlanning.MarkExhausted(s with { Quota = quotas[i] }, capacities[i])).ToList();
        var datasets = grounded.ToDictionary(g => g.Subtask.Name, g => g.Dataset, StringComparer.Ordinal);
        return new BenchmarkPlan(request, BackboneName, subtasks, warnings) { Datasets = datasets, Notices = notices };
    }

    private static string Format(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);
}
