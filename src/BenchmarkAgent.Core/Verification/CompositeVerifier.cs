namespace BenchmarkAgent.Verification;

/// <summary>Runs verifiers in order and stops at the first failure (later checks assume earlier ones passed).</summary>
internal sealed class CompositeVerifier
{
    private readonly IReadOnlyList<ISampleVerifier> _verifiers;

    /// <summary>Creates a composite over <paramref name="verifiers"/>.</summary>
    public CompositeVerifier(IReadOnlyList<ISampleVerifier> verifiers)
    {
        ArgumentNullException.ThrowIfNull(verifiers);
        _verifiers = verifiers;
    }

    /// <summary>The default quality control: schema, checker (answerability), leakage, duplicates.</summary>
    public static CompositeVerifier Default { get; } =
        new([new SchemaVerifier(), new CheckerVerifier(), new LeakageVerifier(), new DuplicateVerifier()]);

    /// <summary>The names of the checks, in order.</summary>
    public IReadOnlyList<string> CheckNames => _verifiers.Select(v => v.Name).ToList();

    /// <summary>Verifies <paramref name="candidate"/>; returns the first failing verdict, or <see langword="null"/> when all pass.</summary>
    public VerificationVerdict? FirstFailure(CandidateSample candidate, VerificationContext context)
    {
        foreach (var verifier in _verifiers)
        {
            var verdict = verifier.Verify(candidate, context);
            if (!verdict.Passed)
            {
                return verdict;
            }
        }

        return null;
    }
}
