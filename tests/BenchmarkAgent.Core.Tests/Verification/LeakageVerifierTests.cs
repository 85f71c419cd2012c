using BenchmarkAgent.Verification;

namespace BenchmarkAgent.Core.Tests.Verification;

public sealed class LeakageVerifierTests
{
    private static readonly LeakageVerifier Verifier = new();

    private static VerificationVerdict Verify(CandidateSample candidate) => Verifier.Verify(candidate, new VerificationContext());

    [Theory]
    [InlineData("What is 6 times 7? The answer is 42")]
    [InlineData("What is 6 times 7? The answer is 42.")]
    [InlineData("What is 6 times 7?\nTHE ANSWER IS 42")]
    [InlineData("What is 6 times 7? Solution = 42")]
    [InlineData("What is 6 times 7? Answer: 42")]
    [InlineData("What is 6 times 7? answer=42")]
    [InlineData("Hint: the answer is 42. What is 6 times 7?")]
    [InlineData("Hint: the answer is 42, so write it down. What is 6 times 7?")]
    public void Prompt_stating_its_answer_is_rejected(string prompt)
    {
        var verdict = Verify(VerifierTestFamily.Candidate(prompt, ExpectedAnswer.Number(42)));

        Assert.False(verdict.Passed);
        Assert.Equal("leakage", verdict.Check);
        Assert.Contains("states its own answer", verdict.Message);
    }

    [Theory]
    [InlineData("What is 6 times 7?")]
    [InlineData("What is 6 times 7? The answer is 43")]
    [InlineData("What is 6 times 7? The answer is 420")]
    [InlineData("What is 6 times 7? The answer is 42.5")]
    [InlineData("What is 6 times 7? The answer is 42nd")]
    [InlineData("Answer in whole numbers: 42 pears minus 0 pears?")]
    [InlineData("Answers: 42 are not allowed here. What is 6 times 6?")]
    [InlineData("Give the answer as a whole number. What is 6 times 7?")]
    [InlineData("There are 42 apples. How many pears?")]
    public void Prompt_not_stating_its_answer_is_accepted(string prompt)
    {
        Assert.True(Verify(VerifierTestFamily.Candidate(prompt, ExpectedAnswer.Number(42))).Passed);
    }

    [Fact]
    public void Choice_answer_is_compared_by_option_text()
    {
        var leaked = VerifierTestFamily.Candidate("Which colour is the sky? The answer is blue", ExpectedAnswer.Choice(1), "red", "blue");
        var fine = VerifierTestFamily.Candidate("Which colour is the sky? The answer is red", ExpectedAnswer.Choice(1), "red", "blue");

        Assert.False(Verify(leaked).Passed);
        Assert.True(Verify(fine).Passed);
    }

    [Fact]
    public void Built_in_family_samples_do_not_state_their_answers()
    {
        foreach (var family in BenchmarkAgent.Families.BuiltInTaskFamilies.All)
        {
            foreach (var difficulty in new[] { Difficulty.Easy, Difficulty.Medium, Difficulty.Hard })
            {
                for (ulong seed = 0; seed < 60; seed++)
                {
                    var verdict = Verify(new CandidateSample(family.Generate(seed, difficulty), family, difficulty));
                    Assert.True(verdict.Passed, $"{family.Card.Id} seed {seed} {difficulty}: {verdict.Message}");
                }
            }
        }
    }

    [Fact]
    public void Text_answer_is_compared_ignoring_case()
    {
        var verdict = Verify(VerifierTestFamily.Candidate("Which day? The answer is tuesday", ExpectedAnswer.Text("Tuesday")));

        Assert.False(verdict.Passed);
    }
}
