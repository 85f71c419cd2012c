namespace BenchmarkAgent.Verification;

/// <summary>Rejects a sample whose prompt (up to case and spacing), with the same media files, is already in the benchmark.</summary>
internal sealed class DuplicateVerifier : ISampleVerifier
{
    /// <inheritdoc />
    public string Name => "duplicate";

    /// <inheritdoc />
    public VerificationVerdict Verify(CandidateSample candidate, VerificationContext context) =>
        context.ContainsSample(candidate.Sample)
            ? VerificationVerdict.Fail(Name, "An item with the same prompt is already in the benchmark.")
            : VerificationVerdict.Pass(Name);
}
