using BenchmarkAgent.Verification;

namespace BenchmarkAgent.Core.Tests.Verification;

public sealed class SchemaVerifierTests
{
    private static readonly SchemaVerifier Verifier = new();

    private static VerificationVerdict Verify(CandidateSample candidate) => Verifier.Verify(candidate, new VerificationContext());

    [Fact]
    public void Well_formed_samples_pass()
    {
        Assert.True(Verify(VerifierTestFamily.Candidate("What is 6 times 7?", ExpectedAnswer.Number(42))).Passed);
        Assert.True(Verify(VerifierTestFamily.Candidate("What is -1.5 plus 1,000?", new ExpectedAnswer(AnswerType.Number, "998.5"))).Passed);
        Assert.True(Verify(VerifierTestFamily.Candidate("Pick the colour of the sky.", ExpectedAnswer.Choice(1), "red", "blue", "green")).Passed);
        Assert.True(Verify(VerifierTestFamily.Candidate("Name the day.", ExpectedAnswer.Text("Tuesday"))).Passed);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\n\t")]
    public void Empty_prompt_is_rejected(string prompt)
    {
        var verdict = Verify(VerifierTestFamily.Candidate(prompt, ExpectedAnswer.Number(1)));

        Assert.False(verdict.Passed);
        Assert.Equal("schema", verdict.Check);
        Assert.Contains("prompt is empty", verdict.Message);
    }

    [Theory]
    [InlineData("forty-two")]
    [InlineData("42abc")]
    [InlineData("4 2")]
    [InlineData("1e3x")]
    public void Non_numeric_number_answer_is_rejected(string value)
    {
        var verdict = Verify(VerifierTestFamily.Candidate("How many?", new ExpectedAnswer(AnswerType.Number, value)));

        Assert.False(verdict.Passed);
        Assert.Contains("is not a number", verdict.Message);
    }

    [Fact]
    public void Empty_answer_is_rejected()
    {
        var verdict = Verify(VerifierTestFamily.Candidate("Name the day.", ExpectedAnswer.Text(" ")));

        Assert.False(verdict.Passed);
        Assert.Contains("answer is empty", verdict.Message);
    }

    [Theory]
    [InlineData("D")]
    [InlineData("Z")]
    [InlineData("a")]
    [InlineData("AB")]
    [InlineData("@")]
    public void Out_of_range_choice_letter_is_rejected(string letter)
    {
        var verdict = Verify(VerifierTestFamily.Candidate("Pick one.", new ExpectedAnswer(AnswerType.Choice, letter), "red", "blue", "green"));

        Assert.False(verdict.Passed);
        Assert.Contains("not one of the 3 option letters", verdict.Message);
    }

    [Fact]
    public void Last_option_letter_is_accepted()
    {
        Assert.True(Verify(VerifierTestFamily.Candidate("Pick one.", ExpectedAnswer.Choice(2), "red", "blue", "green")).Passed);
    }

    [Theory]
    [InlineData("blue", "blue")]
    [InlineData("blue", "BLUE")]
    public void Duplicate_options_are_rejected(string first, string second)
    {
        var verdict = Verify(VerifierTestFamily.Candidate("Pick one.", ExpectedAnswer.Choice(0), first, "red", second));

        Assert.False(verdict.Passed);
        Assert.Contains("same text", verdict.Message);
    }

    [Fact]
    public void Choice_item_needs_two_options()
    {
        var verdict = Verify(VerifierTestFamily.Candidate("Pick one.", ExpectedAnswer.Choice(0), "only"));

        Assert.False(verdict.Passed);
        Assert.Contains("at least two options", verdict.Message);
    }

    [Fact]
    public void Answer_type_must_match_the_family()
    {
        var candidate = new CandidateSample(
            new BenchmarkAgent.Families.FamilySample("How many?", ExpectedAnswer.Text("three")),
            new VerifierTestFamily(AnswerType.Number),
            Difficulty.Easy);

        var verdict = Verify(candidate);

        Assert.False(verdict.Passed);
        Assert.Contains("differs from the family", verdict.Message);
    }
}
