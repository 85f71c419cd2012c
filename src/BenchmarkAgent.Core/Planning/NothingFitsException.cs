namespace BenchmarkAgent.Planning;

/// <summary>
/// Thrown by the offline planner when datasets are registered but none grounds the query and no task family fits it
/// either (code BA0415): generating from the closest family would be a silently off-target benchmark.
/// </summary>
internal sealed class NothingFitsException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="detail">Each dataset and why it was not used, and the closest families, in words.</param>
    public NothingFitsException(string detail)
        : base("No registered dataset grounds the query and no task family fits it, so the offline backbone cannot build this benchmark honestly " +
               $"({detail}). Configure a generator, or register datasets that fit the query (or give them cards whose tasks and keywords say what they test), " +
               "or reword the Query with the skills to test.")
    {
    }

    /// <summary>The stable error code.</summary>
    public string Code => ErrorCodes.NothingFitsQuery;
}
