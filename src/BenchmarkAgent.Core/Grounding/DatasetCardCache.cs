using BenchmarkAgent.Persistence;
using BenchmarkAgent.Planning;

namespace BenchmarkAgent.Grounding;

/// <summary>
/// Writes the cards of a plan's datasets under <c>obj/benchagent/cards/&lt;benchmark&gt;/</c>, one per dataset subtask,
/// in the card-file format: what inference decided, to read, or to copy next to the dataset as <c>&lt;file&gt;.card.json</c>
/// and correct. The cards are derived from the datasets, whose content (and override cards) the fingerprint covers.
/// </summary>
internal static class DatasetCardCache
{
    /// <summary>The folder of a benchmark's cached cards.</summary>
    public static string FolderFor(string intermediateDirectory, string benchmark) =>
        Path.Combine(intermediateDirectory, "benchagent", "cards", benchmark);

    /// <summary>Writes every dataset card of <paramref name="plan"/>; a cache that cannot be written is skipped (it is never read back).</summary>
    public static void Write(string intermediateDirectory, BenchmarkPlan plan)
    {
        if (intermediateDirectory.Length == 0 || plan.Datasets.Count == 0)
        {
            return;
        }

        string folder = FolderFor(intermediateDirectory, plan.Request.Name);
        try
        {
            Directory.CreateDirectory(folder);
            foreach (var (subtask, dataset) in plan.Datasets)
            {
                // Subtask names are kebab-case slugs made by the planner, never dataset text, so they are safe file names.
                AtomicFile.WriteAllBytes(Path.Combine(folder, subtask + DatasetCardFile.Suffix), DatasetCardFile.Serialize(dataset.Card));
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
