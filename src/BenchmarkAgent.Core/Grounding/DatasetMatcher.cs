using System.Globalization;
using BenchmarkAgent.Planning;
using BenchmarkAgent.Transformations;

namespace BenchmarkAgent.Grounding;

/// <summary>
/// Scores (query, dataset, transformation) candidates for the Grounding Agent: task alignment of the
/// query with the dataset card, data coverage of the quota, and the transformation's simplicity and risk.
/// </summary>
internal sealed class DatasetMatcher
{
    /// <summary>The default alignment below which a dataset is rejected.</summary>
    public const double DefaultAlignmentThreshold = 0.3;

    /// <summary>Creates a matcher.</summary>
    /// <param name="alignmentThreshold">Alignment below which candidates are rejected, 0..1.</param>
    public DatasetMatcher(double alignmentThreshold = DefaultAlignmentThreshold)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(alignmentThreshold);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(alignmentThreshold, 1);
        AlignmentThreshold = alignmentThreshold;
    }

    /// <summary>Alignment below which candidates are rejected.</summary>
    public double AlignmentThreshold { get; }

    /// <summary>
    /// Task alignment of <paramref name="query"/> with <paramref name="card"/>, 0..1, and the terms that matched.
    /// Keyword and task phrases fully contained in the query weigh most, name words less, description words least.
    /// </summary>
    public static (double Alignment, IReadOnlyList<string> Matched) Align(string query, DatasetCard card)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(card);
        var querySet = new HashSet<string>(QueryTerms.Stems(query), StringComparer.Ordinal);
        if (querySet.Count == 0)
        {
            return (0, []);
        }

        var matched = new List<string>();
        var covered = new HashSet<string>(StringComparer.Ordinal);
        double raw = 0;
        foreach (string phrase in card.Keywords.Concat(card.Tasks))
        {
            var stems = QueryTerms.Stems(phrase);
            if (stems.Count > 0 && stems.All(querySet.Contains))
            {
                matched.Add(phrase);
                raw += 1.0 + (0.5 * (stems.Count - 1));
                covered.UnionWith(stems);
            }
        }

        var nameStems = new HashSet<string>(QueryTerms.Stems(card.Name.Replace('-', ' ').Replace('_', ' ')), StringComparer.Ordinal);
        var textStems = new HashSet<string>(
            QueryTerms.Stems($"{card.Description} {string.Join(' ', card.Tasks)} {string.Join(' ', card.Keywords)}"), StringComparer.Ordinal);
        foreach (string stem in querySet.Order(StringComparer.Ordinal))
        {
            if (nameStems.Contains(stem))
            {
                raw += 0.5;
                matched.Add(stem);
            }
            else if (textStems.Contains(stem) && !covered.Contains(stem))
            {
                raw += 0.3;
                matched.Add(stem);
            }
        }

        double alignment = 1 - Math.Exp(-raw / 2.0);
        return (Math.Round(alignment, 4), matched.Distinct(StringComparer.Ordinal).ToList());
    }

    /// <summary>The share of the quota the dataset can fill with records the transformation applies to: min(1, n / quota).</summary>
    public static (double Coverage, int Applicable) Cover(Dataset dataset, ITransformation transformation, int quota)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(transformation);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(quota);
        int applicable = dataset.Records.Count(r => transformation.AppliesTo(r, dataset.Card.AnswerType));
        return (Math.Round(Math.Min(1.0, (double)applicable / quota), 4), applicable);
    }

    /// <summary>Scores one candidate and decides whether it is used.</summary>
    public GroundingScore Score(string query, Dataset dataset, ITransformation transformation, int quota)
    {
        var (alignment, matched) = Align(query, dataset.Card);
        var (coverage, applicable) = Cover(dataset, transformation, quota);
        double total = Math.Round((0.55 * alignment) + (0.25 * coverage) + (0.1 * transformation.Simplicity) + (0.1 * (1 - transformation.Risk)), 4);
        string terms = matched.Count == 0 ? "no query term matched the card" : $"matched {string.Join(", ", matched.Select(m => $"'{m}'"))}";
        string facts = string.Create(
            CultureInfo.InvariantCulture,
            $"{dataset.Card.Name} with {transformation.Name}: {terms}; {applicable} applicable records for a quota of {quota}");
        if (alignment < AlignmentThreshold)
        {
            string reason = string.Create(CultureInfo.InvariantCulture, $"task alignment {alignment:0.###} is below the threshold {AlignmentThreshold:0.###}");
            return new GroundingScore(alignment, coverage, transformation.Simplicity, transformation.Risk, total, GroundingScore.Reject, $"rejected: {reason} ({facts})");
        }

        if (applicable == 0)
        {
            return new GroundingScore(alignment, coverage, transformation.Simplicity, transformation.Risk, total, GroundingScore.Reject, $"rejected: the transformation applies to none of the records ({facts})");
        }

        return new GroundingScore(alignment, coverage, transformation.Simplicity, transformation.Risk, total, GroundingScore.Accept, $"accepted: {facts}");
    }

    /// <summary>Scores every (dataset, transformation) pair; accepted candidates first, then by total, best first, ties by name.</summary>
    public IReadOnlyList<GroundingCandidate> Rank(string query, IReadOnlyList<Dataset> datasets, IReadOnlyList<ITransformation> transformations, int quota)
    {
        ArgumentNullException.ThrowIfNull(datasets);
        ArgumentNullException.ThrowIfNull(transformations);
        var candidates = new List<GroundingCandidate>(datasets.Count * transformations.Count);
        foreach (var dataset in datasets)
        {
            foreach (var transformation in transformations)
            {
                candidates.Add(new GroundingCandidate(dataset, transformation, Score(query, dataset, transformation, quota)));
            }
        }

        return candidates
            .OrderByDescending(c => c.Score.Accepted)
            .ThenByDescending(c => c.Score.Total)
            .ThenBy(c => c.Dataset.Card.Name, StringComparer.Ordinal)
            .ThenBy(c => c.Transformation.Name, StringComparer.Ordinal)
            .ToList();
    }
}
