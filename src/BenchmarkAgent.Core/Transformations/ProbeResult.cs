namespace BenchmarkAgent.Transformations;

/// <summary>What <see cref="RecordRealisation.Probe"/> found.</summary>
/// <param name="Records">The dataset's records.</param>
/// <param name="Sampled">How many were realised on trial.</param>
/// <param name="RealisedIndices">The indices of the records that realised and verified.</param>
/// <param name="CommonFailure">The most common failure as "check: message", or null when none failed.</param>
internal sealed record ProbeResult(int Records, int Sampled, IReadOnlyList<int> RealisedIndices, string? CommonFailure)
{
    /// <summary>The estimated number of records that realise: exact when every record was tried.</summary>
    public int Realisable => Sampled == 0 ? 0 : Sampled == Records ? RealisedIndices.Count : (int)((long)RealisedIndices.Count * Records / Sampled);

    /// <summary>Whether every record was tried.</summary>
    public bool Exhaustive => Sampled == Records;
}
