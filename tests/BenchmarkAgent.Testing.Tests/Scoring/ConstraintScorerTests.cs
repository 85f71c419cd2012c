using BenchmarkAgent.Constraints;
using BenchmarkAgent.Testing.Scoring;
using BenchmarkAgent.Items;

namespace BenchmarkAgent.Testing.Tests.Scoring;

public sealed class ConstraintScorerTests
{
    private static readonly ConstraintScorer Scorer = new();

    private static Items.BenchmarkItem Item(string spec) =>
        TestItems.Item(new ExpectedAnswer(AnswerType.Constraint, spec), prompt: "Write a short note.");

    private static bool Passes(string spec, string response) =>
        ConstraintEvaluator.Evaluate(ConstraintSpec.Parse(spec), response).Single().Passed;

    [Theory]
    [InlineData("words:3-5", "one two three", true)]
    [InlineData("words:3-5", "one two three four five", true)]
    [InlineData("words:3-5", "one two", false)]
    [InlineData("words:3-5", "one two three four five six", false)]
    [InlineData("words:2-2", "don't stop", true)]
    [InlineData("include:garden", "The Garden is green.", true)]
    [InlineData("include:garden", "The gardens are green.", false)]
    [InlineData("exclude-word:very", "A really fine day.", true)]
    [InlineData("exclude-word:very", "A Very fine day.", false)]
    [InlineData("exclude-word:very", "Everyone came.", true)]
    [InlineData("exclude-letter:z", "A quiet day.", true)]
    [InlineData("exclude-letter:z", "A lazy day.", false)]
    [InlineData("exclude-letter:z", "ZERO", false)]
    [InlineData("lowercase", "all small here, 42!", true)]
    [InlineData("lowercase", "all small here. Oops", false)]
    [InlineData("no-commas", "No commas here.", true)]
    [InlineData("no-commas", "One, two.", false)]
    [InlineData("bullets:2", "- first\n- second", true)]
    [InlineData("bullets:2", "* first\n\n* second\n", true)]
    [InlineData("bullets:2", "- first\n- second\n- third", false)]
    [InlineData("bullets:2", "Intro:\n- first\n- second", false)]
    [InlineData("starts-with:today", "Today we sail.", true)]
    [InlineData("starts-with:today", "- today we sail", true)]
    [InlineData("starts-with:today", "We sail today.", false)]
    [InlineData("ends-with:thank you", "That is all. Thank you!", true)]
    [InlineData("ends-with:thank you", "That is all. thank you.\n", true)]
    [InlineData("ends-with:thank you", "Thank you for reading.", false)]
    [InlineData("ends-with:thank you", "Thank you and thanks you", false)]
    [InlineData("ends-with:the end", "It was not the end, I said: the end", true)]
    public void Each_constraint_passes_and_fails_on_hand_written_responses(string spec, string response, bool passes)
    {
        Assert.Equal(passes, Passes(spec, response));
    }

    [Fact]
    public void A_spec_round_trips_through_its_string()
    {
        const string text = "words:20-40;include:garden;exclude-word:very;exclude-letter:z;lowercase;no-commas;bullets:3;starts-with:today;ends-with:see you soon";
        var spec = ConstraintSpec.Parse(text);

        Assert.Equal(9, spec.Constraints.Count);
        Assert.Equal(text, spec.ToString());
        Assert.Equal(new WordCountConstraint(20, 40), spec.Constraints[0]);
        Assert.Equal(new EndsWithConstraint("see you soon"), spec.Constraints[^1]);
        Assert.Equal(spec, ConstraintSpec.Parse(text));
        Assert.Equal(ConstraintSpec.Parse("ends-with:thanks").Constraints.Single(), new EndsWithConstraint("thanks"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("words:40-20")]
    [InlineData("words:0-5")]
    [InlineData("words:ten")]
    [InlineData("include:Garden")]
    [InlineData("exclude-letter:zz")]
    [InlineData("lowercase:yes")]
    [InlineData("bullets:0")]
    [InlineData("rhymes:moon")]
    [InlineData("lowercase;lowercase")]
    [InlineData("lowercase;")]
    public void Malformed_specs_are_rejected_with_a_reason(string text)
    {
        Assert.False(ConstraintSpec.TryParse(text, out var spec, out string error));
        Assert.Null(spec);
        Assert.False(string.IsNullOrWhiteSpace(error));
        Assert.Throws<FormatException>(() => ConstraintSpec.Parse(text));
    }

    [Fact]
    public void A_response_meeting_every_constraint_scores_one_and_passes()
    {
        var score = Scorer.Score(Item("words:4-8;include:garden;lowercase;no-commas"), "the garden sleeps under snow");

        Assert.Equal(1.0, score.Value);
        Assert.True(score.Passed);
        Assert.Contains("All 4 constraints met", score.Explanation);
    }

    [Fact]
    public void The_score_is_the_fraction_met_and_the_explanation_lists_each_failure()
    {
        var score = Scorer.Score(Item("words:4-8;include:garden;lowercase;no-commas"), "The garden, asleep.");

        Assert.Equal(0.25, score.Value, 6);
        Assert.False(score.Passed);
        Assert.Contains("1 of 4 constraints met", score.Explanation);
        Assert.Contains("words:4-8 (3 words, need 4 to 8)", score.Explanation);
        Assert.Contains("lowercase (1 uppercase letter(s))", score.Explanation);
        Assert.Contains("no-commas (1 comma(s))", score.Explanation);
        Assert.DoesNotContain("include:garden", score.Explanation);
    }

    [Fact]
    public void An_empty_response_scores_zero()
    {
        var score = Scorer.Score(Item("exclude-letter:z"), "   ");

        Assert.Equal(0, score.Value);
        Assert.False(score.Passed);
        Assert.Contains("empty", score.Explanation);
    }

    [Fact]
    public void An_invalid_spec_scores_zero_and_says_what_to_do()
    {
        var score = Scorer.Score(Item("words:ten"), "anything at all");

        Assert.Equal(0, score.Value);
        Assert.False(score.Passed);
        Assert.Contains("'words:ten' is not a constraint token", score.Explanation);
        Assert.Contains("regenerate the snapshot", score.Explanation);
    }

    [Fact]
    public void Scorers_map_the_constraint_answer_type_to_the_constraint_scorer()
    {
        Assert.IsType<ConstraintScorer>(Scorers.For(AnswerType.Constraint));
    }

    [Fact]
    public void Items_of_the_constraint_family_are_passed_by_a_response_written_to_their_rules()
    {
        // Guards against a family rule the language cannot satisfy: a response built from each spec meets it.
        var family = new Families.VerifiableConstraintsFamily();
        foreach (var difficulty in Enum.GetValues<Difficulty>())
        {
            for (ulong seed = 0; seed < 50; seed++)
            {
                var sample = family.Generate(seed, difficulty);
                var item = TestItems.Item(sample.Answer, prompt: sample.Prompt);
                string response = Compliant(ConstraintSpec.Parse(sample.Answer.Value));
                var score = Scorer.Score(item, response);
                Assert.True(score.Passed, $"{sample.Answer.Value}\n{response}\n{score.Explanation}");
            }
        }
    }

    private static string Compliant(ConstraintSpec spec)
    {
        var words = new List<string>();
        if (spec.Constraints.OfType<StartsWithConstraint>().FirstOrDefault() is { } start)
        {
            words.Add(start.Word);
        }

        words.AddRange(spec.Constraints.OfType<IncludeWordConstraint>().Select(i => i.Word));
        var end = spec.Constraints.OfType<EndsWithConstraint>().FirstOrDefault();
        int target = spec.Constraints.OfType<WordCountConstraint>().FirstOrDefault()?.Min ?? 10;
        int bulletCount = spec.Constraints.OfType<BulletCountConstraint>().FirstOrDefault()?.Count ?? 0;
        const string filler = "so";
        while (words.Count + (end?.Phrase.Split(' ').Length ?? 0) < Math.Max(target, bulletCount))
        {
            words.Add(filler);
        }

        if (end is not null)
        {
            words.AddRange(end.Phrase.Split(' '));
        }

        if (spec.Constraints.OfType<BulletCountConstraint>().FirstOrDefault() is { } bullets)
        {
            var lines = new List<string>();
            int at = 0;
            for (int i = 0; i < bullets.Count; i++)
            {
                int take = (words.Count / bullets.Count) + (i < words.Count % bullets.Count ? 1 : 0);
                lines.Add("- " + string.Join(' ', words.Skip(at).Take(take)));
                at += take;
            }

            return string.Join('\n', lines);
        }

        return string.Join(' ', words);
    }
}
