using System.Globalization;
using BenchmarkAgent.Planning;
using BenchmarkAgent.Transformations;
using BenchmarkAgent.Verification;

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

    /// <summary>
    /// The share of the quota the dataset can fill with records the transformation applies to: min(1, n / quota), where
    /// n counts the records that the executor's own realisation code (<see cref="RecordRealisation"/>) turns into verified samples.
    /// </summary>
    public static (double Coverage, int Applicable) Cover(Dataset dataset, ITransformation transformation, int quota)
    {
        var (coverage, applicable, _) = Probe(dataset, transformation, quota);
        return (coverage, applicable);
    }

    private static (double Coverage, int Applicable, ProbeResult? Probe) Probe(Dataset dataset, ITransformation transformation, int quota)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(transformation);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(quota);
        ProbeResult? probe = null;
        int applicable;
        if (transformation is RecordTransformation chain)
        {
            probe = RecordRealisation.Probe(dataset, chain, CompositeVerifier.Default);
            applicable = probe.Realisable;
        }
        else
        {
            applicable = dataset.Records.Count(r => transformation.AppliesTo(r, dataset.Card.AnswerType));
        }

        return (Math.Round(Math.Min(1.0, (double)applicable / quota), 4), applicable, probe);
    }

    /// <summary>Scores one candidate and decides whether it is used.</summary>
    public GroundingScore Score(string query, Dataset dataset, ITransformation transformation, int quota) =>
        Evaluate(query, dataset, transformation, quota).Score;

    private (GroundingScore Score, ProbeResult? Probe) Evaluate(string query, Dataset dataset, ITransformation transformation, int quota)
    {
        var (alignment, matched) = Align(query, dataset.Card);
        if (alignment < AlignmentThreshold)
        {
            // A dataset the query does not ask for is not realised at all: planning a large pool stays cheap.
            double rejectedTotal = Math.Round((0.55 * alignment) + (0.1 * transformation.Simplicity) + (0.1 * (1 - transformation.Risk)), 4);
            string reason = string.Create(CultureInfo.InvariantCulture, $"task alignment {alignment:0.###} is below the threshold {AlignmentThreshold:0.###}");
            string terms0 = matched.Count == 0 ? "no query term matched the card" : $"matched {string.Join(", ", matched.Select(m => $"'{m}'"))}";
            return (new GroundingScore(alignment, 0, transformation.Simplicity, transformation.Risk, rejectedTotal, GroundingScore.Reject,
                $"rejected: {reason} ({dataset.Card.Name} with {transformation.Name}: {terms0})"), null);
        }

        var (coverage, applicable, probe) = Probe(dataset, transformation, quota);
        double total = Math.Round((0.55 * alignment) + (0.25 * coverage) + (0.1 * transformation.Simplicity) + (0.1 * (1 - transformation.Risk)), 4);
        string terms = matched.Count == 0 ? "no query term matched the card" : $"matched {string.Join(", ", matched.Select(m => $"'{m}'"))}";
        string facts = string.Create(
            CultureInfo.InvariantCulture,
            $"{dataset.Card.Name} with {transformation.Name}: {terms}; {applicable} applicable records for a quota of {quota}");
        if (applicable == 0)
        {
            string why = probe?.CommonFailure is { } failure ? $"; most common failure: {failure}" : string.Empty;
            return (new GroundingScore(alignment, coverage, transformation.Simplicity, transformation.Risk, total, GroundingScore.Reject,
                $"rejected: the transformation applies to none of the records: realising them with the executor gave no verified sample ({facts}{why})"), probe);
        }

        return (new GroundingScore(alignment, coverage, transformation.Simplicity, transformation.Risk, total, GroundingScore.Accept, $"accepted: {facts}"), probe);
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
                var (score, probe) = Evaluate(query, dataset, transformation, quota);
                candidates.Add(new GroundingCandidate(dataset, transformation, score) { Probe = probe });
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
