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

        var notices = new List<PlanNotice>();
        var decisions = new List<string>();
        var grounded = DatasetPlanning.Plan(request, warnings, notices);
        var modality = QueryModality.Detect(request.Query);
        var catalog = CatalogFor(modality);
        if (modality.Count > 0)
        {
            try
            {
                grounded = MediaPlanning.OnlyWithMedia(modality, grounded, catalog, decisions);
            }
            catch (UncoveredQueryException ex)
            {
                // Say what the text catalog would have matched, so the message guides like any uncovered query.
                var textChoice = FamilyChooser.Choose(_catalog, request.Query, [], allowWeak: false);
                throw new UncoveredQueryException(ex.Detail + "; " + PlanExplanation.Uncovered(textChoice, _catalog));
            }
        }

        // A media query's modality words ("photos", "audio") are met by planning only media subtasks; those no candidate's
        // card mentions are not skill words, so they do not count against coverage.
        string skillQuery = modality.Count == 0 ? request.Query : QueryModality.WithoutCues(request.Query, modality, CardText(catalog, grounded));
        var choice = FamilyChooser.Choose(catalog, skillQuery, grounded.Select(g => g.Dataset.Card).ToList(), request.AllowWeakMatch);
        if (!choice.Covered && !request.AllowWeakMatch)
        {
            // Neither the families nor an accepted dataset cover the query; say why each registered dataset is not used.
            string unused = request.Datasets.Count > 0 && warnings.Count > 0 ? " " + string.Join(" ", warnings) : string.Empty;
            string media = modality.Count > 0 ? " " + MediaPlanning.Describe(modality) + "; only subtasks that carry it are planned." : string.Empty;
            throw new UncoveredQueryException(PlanExplanation.Uncovered(choice, catalog) + media + unused);
        }

        if (!choice.Covered)
        {
            warnings.Add(PlanExplanation.WeakMatchWarning(choice));
        }

        var chosen = DatasetPlanning.FamiliesBesideDatasets(choice.Chosen.ToList(), grounded);

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
        var quotas = CapacityAllocation.Allocate(request.Quota, subtasks, capacities);
        subtasks = subtasks.Select((s, i) => DatasetPlanning.MarkExhausted(s with { Quota = quotas[i] }, capacities[i])).ToList();
        var datasets = grounded.ToDictionary(g => g.Subtask.Name, g => g.Dataset, StringComparer.Ordinal);
        return new BenchmarkPlan(request, BackboneName, subtasks, warnings)
        {
            Decisions = decisions,
            Datasets = datasets,
            Notices = notices,
            Retrieval = new PlanRetrieval(choice.Coverage, choice.Covered, choice.UnmatchedTerms, choice.Rejected, modifiers),
        };
    }

    /// <summary>
    /// The catalog a query is planned over: for a text query the families without media (a text query never plans media
    /// families); for a media query only the families whose card carries a requested kind.
    /// </summary>
    private FamilyCatalog CatalogFor(IReadOnlyList<(Media.MediaKind Kind, IReadOnlyList<string> Words)> modality)
    {
        var families = modality.Count == 0
            ? _catalog.Families.Where(f => f.Card.MediaKinds.Count == 0).ToList()
            : _catalog.Families.Where(f => f.Card.MediaKinds.Any(k => modality.Any(m => m.Kind == k))).ToList();
        if (families.Count == _catalog.Families.Count)
        {
            return _catalog;
        }

        // A text query is planned exactly as if the media families did not exist; a media query chooses among the media
        // families with the whole catalog's term statistics.
        return modality.Count == 0 ? new FamilyCatalog(families) : new FamilyCatalog(families, _catalog.Families);
    }

    /// <summary>The words of the candidate cards (families and grounded datasets), lowercase.</summary>
    private static string CardText(FamilyCatalog catalog, List<(PlannedSubtask Subtask, Dataset Dataset, int Capacity)> grounded) =>
        string.Join(
            ' ',
            catalog.Families.Select(f => $"{f.Card.Title} {f.Card.Description} {f.Card.Skill} {string.Join(' ', f.Card.Keywords)}")
                .Concat(grounded.Select(g => $"{g.Dataset.Card.Name} {g.Dataset.Card.Description} {string.Join(' ', g.Dataset.Card.Tasks)} {string.Join(' ', g.Dataset.Card.Keywords)}")))
            .ToLowerInvariant();

    private static string Format(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);
}
