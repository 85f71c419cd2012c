namespace BenchmarkAgent.Verification;

/// <summary>Answerability: the family's independent checker must re-derive the stored answer.</summary>
public sealed class CheckerVerifier : ISampleVerifier
{
    /// <inheritdoc />
    public string Name => "checker";

    /// <inheritdoc />
    public VerificationVerdict Verify(CandidateSample candidate, VerificationContext context)
    {
        var result = candidate.Family.Check(candidate.Sample);
        return result.Agrees ? VerificationVerdict.Pass(Name) : VerificationVerdict.Fail(Name, result.Detail);
    }
}
