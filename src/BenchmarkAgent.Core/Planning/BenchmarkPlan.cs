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

    /// <summary>
    /// The planner's decisions in order, each with its rationale (scope, design rounds, grounding verdicts, allocation);
    /// written to plan.json as <c>decisions</c> only when not empty, so plans without them keep their bytes.
    /// </summary>
    public IReadOnlyList<string> Decisions { get; init; } = [];
    /// <summary>Coded warnings about the plan's inputs (a registered dataset left out of the pool); empty when there are none.</summary>
    public IReadOnlyList<PlanNotice> Notices { get; init; } = [];
    /// <summary>The offline planner's retrieval evidence (coverage, rejected candidates, modifiers); null for other planners.</summary>
    public PlanRetrieval? Retrieval { get; init; }
}
