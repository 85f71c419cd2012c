using BenchmarkAgent.Generation.Execution;
using BenchmarkAgent.Generation.Verification;

namespace BenchmarkAgent.Generation.Tests.Verification;

public sealed class RepairTests
{
    [Theory]
    [InlineData("Answer: 42.", "42")]
    [InlineData("The answer is \"Paris\"", "Paris")]
    [InlineData("final answer = 7", "7")]
    [InlineData("Paris", "Paris")]
    public void Strips_answer_prefixes(string answer, string expected) => Assert.Equal(expected, Fixer.StripPrefix(answer));

    [Theory]
    [InlineData("(b)", "B")]
    [InlineData("c)", "C")]
    [InlineData("Option A", "A")]
    [InlineData("blue", "B")]
    [InlineData("E", "E")]
    public void Turns_choice_forms_into_letters(string answer, string expected) =>
        Assert.Equal(expected, Fixer.ChoiceLetterOf(answer, ["red", "blue", "green"]));

    [Theory]
    [InlineData("$1,234.50 USD", "1234.50")]
    [InlineData("-7 apples", "-7")]
    [InlineData("3 or 4", "3 or 4")]
    public void Plain_numbers(string answer, string expected) => Assert.Equal(expected, Fixer.PlainNumber(answer));

    [Fact]
    public void Plans_only_packaging_fixes_in_packaging_categories()
    {
        var (fixes, blocking) = RepairPlanner.Plan(
            [
                new InspectionVerdict { Category = "answer-type", Passed = false, Fix = "number-format" },
                new InspectionVerdict { Category = "schema-recoverability", Passed = false, Fix = "trim-whitespace" },
            ],
            ["question"]);
        Assert.Null(blocking);
        Assert.Equal(["trim-whitespace", "number-format"], fixes);
    }

    [Theory]
    [InlineData("semantic-correctness", "number-format")]
    [InlineData("leakage", "")]
    [InlineData("answer-type", "rewrite-the-question")]
    [InlineData("redundant-fields", "drop-redundant-context")]
    public void Anything_else_blocks_the_repair(string category, string fix)
    {
        var (fixes, blocking) = RepairPlanner.Plan([new InspectionVerdict { Category = category, Passed = false, Fix = fix }], ["question", "context"]);
        Assert.Null(fixes);
        Assert.Equal(category, blocking!.Category);
    }

    [Fact]
    public void Fixer_returns_a_new_draft_that_parses()
    {
        var draft = new SampleDraft("  How many?  ", null, [], "Answer: $1,200.", AnswerType.Number);
        Assert.NotNull(draft.ToSample().Problem);
        var repaired = Fixer.Apply(draft, [PackagingFix.TrimWhitespace, PackagingFix.StripAnswerPrefix, PackagingFix.NumberFormat]);
        var (sample, problem) = repaired.ToSample();
        Assert.Null(problem);
        Assert.Equal("1200", sample!.Answer.Value);
        Assert.Equal("Answer: $1,200.", draft.Answer);
    }

    [Fact]
    public void Drafts_need_their_schema_fields()
    {
        Assert.Contains("context", SampleDraft.From(new DraftReply { Question = "Q?", Answer = "x" }, AnswerType.ShortText, ["question", "context"]).Problem);
        Assert.Contains("2 to 6 options", SampleDraft.From(new DraftReply { Question = "Q?", Choices = ["only"], Answer = "A" }, AnswerType.Choice, ["question"]).Problem);
        Assert.Contains("option letters", SampleDraft.From(new DraftReply { Question = "Q?", Choices = ["a", "b"], Answer = "C" }, AnswerType.Choice, ["question"]).Problem);
        Assert.Contains("regular expression", SampleDraft.From(new DraftReply { Question = "Q?", Answer = "(unclosed" }, AnswerType.Pattern, ["question"]).Problem);
        var (ok, _) = SampleDraft.From(new DraftReply { Question = "Q?", Context = "ctx", Answer = "x" }, AnswerType.ShortText, ["question"]);
        Assert.Null(ok!.Context);
    }

    [Fact]
    public void A_question_that_states_its_answer_does_not_need_its_context()
    {
        var leaky = new SampleDraft("Which code, K12AB, does case 7 carry?", "Case 7 carries K12AB.", [], "K12AB", AnswerType.ShortText);
        Assert.Equal("answerability", DraftChecks.Problem(leaky)?.Check);
        Assert.Null(DraftChecks.Problem(leaky with { Question = "Which code does case 7 carry?" }));
        Assert.Null(DraftChecks.Problem(leaky with { Context = null }));
        var number = new SampleDraft("There are 12 eggs; how many are left after 5?", "ctx", [], "12", AnswerType.Number);
        Assert.Equal("answerability", DraftChecks.Problem(number)?.Check);
        Assert.Null(DraftChecks.Problem(number with { Answer = "7" }));
    }

    [Fact]
    public void Lopsided_distractors_are_leakage()
    {
        var lopsided = new SampleDraft("Q?", null, ["no", "The full, carefully qualified and obviously correct statement", "yes"], "B", AnswerType.Choice);
        Assert.Equal("leakage", DraftChecks.Problem(lopsided)?.Check);
        Assert.Null(DraftChecks.Problem(lopsided with { Choices = ["A similar option here", "Another similar option", "A third similar one"] }));
    }
}
