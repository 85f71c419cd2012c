using BenchmarkAgent.Grounding;
using BenchmarkAgent.Media;

namespace BenchmarkAgent.Planning;

/// <summary>
/// The media rule of the offline planner: a query that asks for images or audio is planned only from subtasks that carry
/// that modality (task families whose card lists the kind, datasets whose records have such media); when nothing carries
/// a requested kind, the query is uncovered (BA0310, naming the modality). Text items are never substituted.
/// </summary>
internal static class MediaPlanning
{
    /// <summary>
    /// Keeps the grounded datasets that carry a requested kind, records the modality decision, and fails when some requested
    /// kind is carried by neither a family of <paramref name="catalog"/> nor a kept dataset.
    /// </summary>
    /// <exception cref="UncoveredQueryException">A requested kind has no candidate (BA0310, naming the kind).</exception>
    public static List<(PlannedSubtask Subtask, Dataset Dataset, int Capacity)> OnlyWithMedia(
        IReadOnlyList<(MediaKind Kind, IReadOnlyList<string> Words)> modality,
        List<(PlannedSubtask Subtask, Dataset Dataset, int Capacity)> grounded,
        FamilyCatalog catalog,
        List<string> decisions)
    {
        var kinds = modality.Select(m => m.Kind).ToHashSet();
        var kept = grounded.Where(g => g.Dataset.Card.MediaKinds.Any(kinds.Contains)).ToList();
        foreach (var (kind, _) in modality)
        {
            bool family = catalog.Families.Any(f => f.Card.MediaKinds.Contains(kind));
            bool dataset = kept.Any(g => g.Dataset.Card.MediaKinds.Contains(kind));
            if (!family && !dataset)
            {
                string name = QueryModality.Name(kind);
                throw new UncoveredQueryException(
                    $"{Describe(modality)}, but no task family and no registered dataset carries {name} items" +
                    $" ({name} families: {Names(catalog, kind)}; registered datasets with {name}: {(grounded.Any(g => g.Dataset.Card.MediaKinds.Contains(kind)) ? "some, not grounded in the query" : "none")})." +
                    $" The offline planner never substitutes text items for {name} items: register a dataset whose records have {name} files (a General-Bench folder, or JSONL records with an {name} path field), or ask for text items");
            }
        }

        var dropped = grounded.Where(g => !kept.Contains(g)).Select(g => g.Dataset.Card.Name).ToList();
        decisions.Add(
            $"modality: {string.Join(" and ", modality.Select(m => QueryModality.Name(m.Kind)))} (query words: {string.Join(", ", modality.SelectMany(m => m.Words).Distinct(StringComparer.Ordinal))}); " +
            $"only subtasks that carry it are planned: {catalog.Families.Count} media task families and {kept.Count} media datasets are candidates" +
            (dropped.Count > 0 ? $"; text datasets left out: {string.Join(", ", dropped)}" : string.Empty) + ".");
        return kept;
    }

    /// <summary>
    /// The families a query may plan: for a text query those without media (a text query never plans a media family),
    /// for a media query those whose card carries a requested kind. The same rule for every planner.
    /// </summary>
    public static IReadOnlyList<Families.ITaskFamily> FamiliesFor(IReadOnlyList<(MediaKind Kind, IReadOnlyList<string> Words)> modality, IReadOnlyList<Families.ITaskFamily> families) =>
        modality.Count == 0
            ? families.Where(f => f.Card.MediaKinds.Count == 0).ToList()
            : families.Where(f => f.Card.MediaKinds.Any(k => modality.Any(m => m.Kind == k))).ToList();

    /// <summary>
    /// Fails when some kind the query asks for is carried by none of <paramref name="families"/> and <paramref name="datasets"/>
    /// (BA0310 naming the kind); the planner never substitutes text items for it.
    /// </summary>
    /// <exception cref="UncoveredQueryException">A requested kind has no candidate.</exception>
    public static void RequireCandidates(
        IReadOnlyList<(MediaKind Kind, IReadOnlyList<string> Words)> modality, IReadOnlyList<Families.ITaskFamily> families, IReadOnlyList<Dataset> datasets)
    {
        foreach (var (kind, _) in modality)
        {
            if (!families.Any(f => f.Card.MediaKinds.Contains(kind)) && !datasets.Any(d => d.Card.MediaKinds.Contains(kind)))
            {
                string name = QueryModality.Name(kind);
                throw new UncoveredQueryException(
                    $"{Describe(modality)}, but no task family and no registered dataset carries {name} items. The planner never substitutes text items for {name} items: " +
                    $"register a dataset whose records have {name} files (a General-Bench folder, or JSONL records with an {name} path field), or ask for text items");
            }
        }
    }

    /// <summary>"the query asks for image items (query words: chart, picture)".</summary>
    public static string Describe(IReadOnlyList<(MediaKind Kind, IReadOnlyList<string> Words)> modality) =>
        "the query asks for " + string.Join(" and ", modality.Select(m => $"{QueryModality.Name(m.Kind)} items (query words: {string.Join(", ", m.Words)})"));

    private static string Names(FamilyCatalog catalog, MediaKind kind)
    {
        var ids = catalog.Families.Where(f => f.Card.MediaKinds.Contains(kind)).Select(f => f.Card.Id).ToList();
        return ids.Count == 0 ? "none" : string.Join(", ", ids);
    }
}
