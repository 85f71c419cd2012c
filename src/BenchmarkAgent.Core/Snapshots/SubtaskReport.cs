namespace BenchmarkAgent.Snapshots;

/// <summary>What execution of one subtask produced: the plan's quality summary.</summary>
/// <param name="Subtask">The subtask name.</param>
/// <param name="Accepted">Items that passed every check.</param>
/// <param name="Rejected">Candidates that verification rejected and the executor recycled.</param>
/// <param name="RejectionsByCheck">How many rejections each check caused.</param>
internal sealed record SubtaskReport(string Subtask, int Accepted, int Rejected, IReadOnlyDictionary<string, int> RejectionsByCheck)
{
    /// <summary>The share of candidates that passed verification (1 when nothing was rejected).</summary>
    public double AcceptanceRate => Accepted + Rejected == 0 ? 1 : (double)Accepted / (Accepted + Rejected);
}
