using BenchmarkAgent.Families;
using BenchmarkAgent.Verification;

namespace BenchmarkAgent.Core.Tests.Verification;

/// <summary>A stand-in family with a given answer type whose checker always agrees, to test the other checks alone.</summary>
internal sealed class VerifierTestFamily(AnswerType answerType) : ITaskFamily
{
    public TaskFamilyCard Card { get; } = new("verifier-test", "Verifier test", "Hand-made samples.", "testing", ["verifier"], answerType);

    public FamilySample Generate(ulong seed, Difficulty difficulty) => throw new NotSupportedException();

    public CheckResult Check(FamilySample sample) => CheckResult.Pass();

    public static CandidateSample Candidate(string prompt, ExpectedAnswer answer, params string[] choices) =>
        new(new FamilySample(prompt, answer, choices), new VerifierTestFamily(answer.Type), Difficulty.Medium);
}
