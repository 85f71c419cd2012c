using BenchmarkAgent.Execution;
using BenchmarkAgent.Planning;
using Microsoft.Build.Framework;

namespace BenchmarkAgent.Tasks;

/// <summary><c>BenchmarkAgent_Plan</c>: prints the plan of every benchmark and writes nothing.</summary>
public sealed class PlanBenchmarks : BenchmarkAgentTask
{
    private protected override void Run(GenerationSettings settings, SnapshotGenerator generator)
    {
        foreach (var request in settings.Requests)
        {
            if (TryPlan(generator, request) is { } plan)
            {
                LogPlan(plan);
            }
        }
    }

    private void LogPlan(BenchmarkPlan plan)
    {
        Log.LogMessage(MessageImportance.High, "BenchmarkAgent plan for '{0}' (quota {1}, seed {2}, backbone {3}):",
            plan.Request.Name, plan.Request.Quota, plan.Request.Seed, plan.Backbone);
        foreach (var subtask in plan.Subtasks)
        {
            Log.LogMessage(MessageImportance.High, "  {0,-28} quota {1,5}  relevance {2:0.00}  {3}",
                subtask.Name, subtask.Quota, subtask.Relevance, subtask.Rationale);
        }

        foreach (var (subtask, dataset) in plan.Datasets.OrderBy(d => d.Key, StringComparer.Ordinal))
        {
            var card = dataset.Card;
            Log.LogMessage(MessageImportance.High, "  dataset card of {0}: name '{1}', {2} records, {3}, answer {4} ({5}), origin {6}",
                subtask, card.Name, card.Size, string.Join("/", card.Modalities), card.AnswerType, card.AnswerForm, card.Origin);
            Log.LogMessage(MessageImportance.High, "    roles: {0}",
                string.Join(", ", BenchmarkAgent.Grounding.DatasetRole.All.Where(card.Roles.ContainsKey).Select(r => $"{r} <- {card.Roles[r]}")));
            Log.LogMessage(MessageImportance.High, "    tasks: {0}; keywords: {1}", string.Join(", ", card.Tasks), string.Join(", ", card.Keywords));
            Log.LogMessage(MessageImportance.High, "    {0}", card.Description);
            foreach (var candidate in plan.Subtasks.First(s => s.Name == subtask).Candidates)
            {
                Log.LogMessage(MessageImportance.High, "    candidate {0,-48} {1,-9} score {2:0.00}  realisable {3}",
                    candidate.Transformation, candidate.Decision, candidate.Total, candidate.Realisable);
            }
        }

        LogNotices(plan);
        foreach (string warning in plan.Warnings)
        {
            Log.LogWarning(subcategory: null, ErrorCodes.WeakMatch, helpKeyword: null, ProjectFile, 0, 0, 0, 0, "Benchmark '{0}': {1}", plan.Request.Name, warning);
        }
    }
}
