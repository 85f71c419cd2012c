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

        foreach (string warning in plan.Warnings)
        {
            Log.LogWarning(subcategory: null, ErrorCodes.WeakMatch, helpKeyword: null, ProjectFile, 0, 0, 0, 0, "Benchmark '{0}': {1}", plan.Request.Name, warning);
        }
    }
}
