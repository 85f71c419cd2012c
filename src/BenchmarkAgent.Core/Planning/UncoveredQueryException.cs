namespace BenchmarkAgent.Planning;

/// <summary>
/// Thrown by the offline planner when neither the task-family catalog nor the registered datasets cover the query well
/// and the benchmark has not opted in to weak matches (code BA0310). The message says what to configure.
/// </summary>
internal sealed class UncoveredQueryException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="detail">What matched and what did not, in words (the closest families and their scores).</param>
    public UncoveredQueryException(string detail)
        : base(
            $"The query is not covered by the built-in task families or the registered datasets ({detail}). " +
            "The offline planner does not build off-target items. To benchmark it, configure a generator model " +
            "(BENCHAGENT_GENERATOR_ENDPOINT, BENCHAGENT_GENERATOR_MODEL and BENCHAGENT_GENERATOR_API_KEY, with the " +
            "BenchmarkAgentGenerator project switch), or register datasets that hold such items (Datasets=\"data/my.jsonl\" on the " +
            "GeneratedBenchmark, or the BenchmarkAgentDatasets property), or reword the Query with the skills of a built-in " +
            "family (dotnet build -t:BenchmarkAgent_Plan shows the plan). To build the closest families anyway, set " +
            "AllowWeakMatch=\"true\" on the GeneratedBenchmark (or <BenchmarkAgentAllowWeakMatch>true</BenchmarkAgentAllowWeakMatch>); " +
            "the build then warns with BA0302.")
    {
        Detail = detail;
    }

    /// <summary>The stable error code.</summary>
    public string Code => ErrorCodes.QueryNotCovered;

    /// <summary>What matched and what did not.</summary>
    public string Detail { get; }
}
