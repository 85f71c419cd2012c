namespace BenchmarkAgent.Planning;

/// <summary>
/// Thrown by the planner when the registered datasets cannot supply their share of the quota and no task-family
/// subtask is in the plan to take the rest (code BA0304).
/// </summary>
internal sealed class DatasetShortfallException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="quota">The request's quota.</param>
    /// <param name="capacity">How many items the datasets can supply in all.</param>
    /// <param name="detail">Each dataset subtask with its capacity, in words.</param>
    public DatasetShortfallException(int quota, int capacity, string detail)
        : base($"The registered datasets can supply {capacity} items but the quota is {quota} ({quota - capacity} short), " +
               $"and no task family is in the plan to take the rest ({detail}). Lower the Quota, register more records, " +
               "or broaden the Query so task families share the quota.")
    {
        Quota = quota;
        Capacity = capacity;
    }

    /// <summary>The stable error code.</summary>
    public string Code => ErrorCodes.DatasetShortfall;

    /// <summary>The request's quota.</summary>
    public int Quota { get; }

    /// <summary>How many items the datasets can supply.</summary>
    public int Capacity { get; }

    /// <summary>How many items are missing.</summary>
    public int Short => Quota - Capacity;
}
