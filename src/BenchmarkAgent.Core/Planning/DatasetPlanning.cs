using System.Globalization;
using BenchmarkAgent.Grounding;
using BenchmarkAgent.Transformations;

namespace BenchmarkAgent.Planning;

/// <summary>The dataset part of the offline planner: one subtask per registered dataset that grounds the query.</summary>
internal static class DatasetPlanning
{
    /// <summary>The most transformation chains one dataset subtask applies.</summary>
    public const int MaxChainsPerDataset = 4;

    /// <summary>Reads and ranks the request's datasets; one subtask per dataset with an accepted chain, a warning for each without.</summary>
    public static List<(PlannedSubtask Subtask, Dataset Dataset, int Capacity)> Plan(BenchmarkRequest request, List<string> warnings)
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
