namespace BenchmarkAgent.Execution;

/// <summary>Thrown when a subtask cannot fill its quota within the attempt budget.</summary>
internal sealed class QuotaShortfallException : Exception
{
    /// <summary>Creates the exception.</summary>
    public QuotaShortfallException(string subtask, int quota, int produced, string lastRejection)
        : base($"Subtask '{subtask}' produced {produced} of {quota} items before its attempt budget ran out ({quota - produced} short). " +
               $"Last rejection: {lastRejection} Lower the quota or broaden the query.")
    {
        Subtask = subtask;
        Quota = quota;
        Produced = produced;
        LastRejection = lastRejection;
    }

    /// <summary>The last rejection of the position that ran out of attempts, as "check: message".</summary>
    public string LastRejection { get; }

    /// <summary>The subtask that fell short.</summary>
    public string Subtask { get; }

    /// <summary>The subtask's quota.</summary>
    public int Quota { get; }

    /// <summary>How many items were produced.</summary>
    public int Produced { get; }
}
