using BenchmarkAgent.Verification;

namespace BenchmarkAgent.Core.Tests.Verification;

public sealed class DuplicateVerifierTests
{
    private static readonly DuplicateVerifier Verifier = new();

    [Theory]
    [InlineData("What is 6 times 7?")]
    [InlineData("what is 6 TIMES 7?")]
    [InlineData("  What   is 6\ttimes\n7?  ")]
    public void Prompt_differing_only_by_case_or_whitespace_is_rejected(string prompt)
    {
        var context = new VerificationContext();
        context.AddPrompt("What is 6 times 7?");

        var verdict = Verifier.Verify(VerifierTestFamily.Candidate(prompt, ExpectedAnswer.Number(42)), context);

        Assert.False(verdict.Passed);
        Assert.Equal("duplicate", verdict.Check);
    }

    [Theory]
    [InlineData("What is 6 times 8?")]
    [InlineData("What is 6 times 7")]
    [InlineData("What is 6times 7?")]
    public void Different_prompt_is_accepted(string prompt)
    {
        var context = new VerificationContext();
        context.AddPrompt("What is 6 times 7?");

        Assert.True(Verifier.Verify(VerifierTestFamily.Candidate(prompt, ExpectedAnswer.Number(42)), context).Passed);
    }

    [Fact]
    public void Empty_context_accepts_everything()
    {
        Assert.True(Verifier.Verify(VerifierTestFamily.Candidate("What is 6 times 7?", ExpectedAnswer.Number(42)), new VerificationContext()).Passed);
    }

    [Fact]
    public void Composite_stops_at_the_first_failure_in_order()
    {
        var context = new VerificationContext();
        context.AddPrompt("The answer is 42");
        var candidate = VerifierTestFamily.Candidate("The answer is 42", ExpectedAnswer.Number(42));

        var failure = CompositeVerifier.Default.FirstFailure(candidate, context);

        Assert.NotNull(failure);
        Assert.Equal("leakage", failure.Check);
        Assert.Equal(["schema", "checker", "leakage", "duplicate"], CompositeVerifier.Default.CheckNames);
        Assert.Null(CompositeVerifier.Default.FirstFailure(VerifierTestFamily.Candidate("What is 6 times 7?", ExpectedAnswer.Number(42)), new VerificationContext()));
    }
}
