namespace BenchmarkAgent.Planning;

/// <summary>The Benchmark Planner: decomposes a request into subtasks and allocates the quota.</summary>
internal interface IBenchmarkPlanner
{
    /// <summary>Plans <paramref name="request"/>.</summary>
    ValueTask<BenchmarkPlan> PlanAsync(BenchmarkRequest request, CancellationToken cancellationToken = default);
}
