using BenchmarkAgent.Grounding;

namespace BenchmarkAgent.Planning;

/// <summary>The plan of a benchmark: the decomposition of the query and the quota allocation.</summary>
/// <param name="Request">The request the plan answers.</param>
/// <param name="Backbone">The backbone that planned and generated (<c>offline</c> or an LLM identity).</param>
/// <param name="Subtasks">The subtasks, in a stable order; their quotas sum to the request's quota.</param>
/// <param name="Warnings">Things the user should know, e.g. a weak match between the query and the catalog.</param>
internal sealed record BenchmarkPlan(
    BenchmarkRequest Request,
    string Backbone,
    IReadOnlyList<PlannedSubtask> Subtasks,
    IReadOnlyList<string> Warnings)
{
    /// <summary>The datasets read for the dataset subtasks, by subtask name; empty when the plan has none.</summary>
    public IReadOnlyDictionary<string, Dataset> Datasets { get; init; } = new Dictionary<string, Dataset>(StringComparer.Ordinal);

    /// <summary>The offline planner's retrieval evidence (coverage, rejected candidates, modifiers); null for other planners.</summary>
    public PlanRetrieval? Retrieval { get; init; }
}
