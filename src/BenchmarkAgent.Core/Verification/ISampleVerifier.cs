namespace BenchmarkAgent.Verification;

/// <summary>One quality check on a candidate sample (format, answerability, leakage, duplicates, ...).</summary>
internal interface ISampleVerifier
{
    /// <summary>The check's stable name, recorded in item provenance.</summary>
    string Name { get; }

    /// <summary>Judges <paramref name="candidate"/> against the items accepted so far in <paramref name="context"/>.</summary>
    VerificationVerdict Verify(CandidateSample candidate, VerificationContext context);
}
