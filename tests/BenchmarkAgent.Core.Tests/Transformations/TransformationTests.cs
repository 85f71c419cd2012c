using BenchmarkAgent.Grounding;
using BenchmarkAgent.Transformations;

namespace BenchmarkAgent.Core.Tests.Transformations;

public sealed class TransformationTests
{
    private static readonly DatasetRecord Ducks = new(
        "ducks",
        "Janet's ducks lay 16 eggs per day. She eats 3 for breakfast every morning and bakes muffins for her friends every day with 4. She sells the remainder at the farmers' market daily for $2 per fresh duck egg. How much in dollars does she make every day at the farmers' market?",
        "Janet sells 16 - 3 - 4 = <<16-3-4=9>>9 duck eggs a day.\nShe makes 9 * 2 = $<<9*2=18>>18 every day at the farmer's market.\n#### 18");

    private static readonly IReadOnlyList<DatasetRecord> Pool =
    [
        Ducks,
        new("p1", "The library is quiet on weekends. A girl borrows 5 books. How many books does she borrow?", "#### 5"),
        new("p2", "The garden has a pond with colourful fish. How many fish are there if there are 12?", "#### 12"),
        new("p3", "Marco loves painting landscapes near the river. He paints 7 pictures. How many pictures?", "#### 7"),
        new("p4", "Lena walks her dog along the beach every evening. She walks 3 miles. How far?", "#### 3"),
    ];

    [Fact]
    public void Retemplating_changes_numbers_and_recomputes_the_answer_from_the_annotations()
    {
        var sample = new NumericRetemplating().Apply(Ducks, AnswerType.Number, Pool, new DeterministicRandom(7));

        Assert.NotNull(sample);
        Assert.NotNull(sample.Solution);
        Assert.DoesNotContain("16 eggs", sample.Prompt);
        var annotations = NumericRetemplating.Annotations(sample.Solution);
        Assert.Equal(2, annotations.Count);
        var first = ArithmeticEvaluator.Evaluate(annotations[0].Expression)!.Value;
        Assert.Equal(ExpectedAnswer.FormatNumber(first), annotations[0].Result);
        Assert.StartsWith(annotations[0].Result + "*", annotations[1].Expression); // the earlier result flows into the next step
        Assert.Equal(annotations[1].Result, sample.Answer.Value);
        Assert.EndsWith("#### " + sample.Answer.Value, sample.Solution);
        Assert.Equal(["numeric-retemplating"], sample.Chain);
    }

    [Fact]
    public void Retemplating_rejects_records_whose_numbers_do_not_map_to_the_solution()
    {
        var unmapped = new DatasetRecord("u", "Tom has 5 apples and 9 pears. How many apples?", "He has <<5*1=5>>5.\n#### 5");
        var ordinal = new DatasetRecord("o", "On the 3rd day Tom buys 4 apples. How many?", "<<4*1=4>>4\n#### 4");
        var wrongStep = new DatasetRecord("w", "Tom has 5 apples and buys 4. How many?", "<<5+4=10>>10\n#### 10");
        var half = new DatasetRecord("h", "A robe takes 2 bolts of blue fiber and half that much white fiber. How many bolts in total?", "<<2/2=1>>1 and <<2+1=3>>3\n#### 3");
        var rng = new DeterministicRandom(1);

        Assert.Null(new NumericRetemplating().Apply(unmapped, AnswerType.Number, Pool, rng));
        Assert.Null(new NumericRetemplating().Apply(ordinal, AnswerType.Number, Pool, rng));
        Assert.Null(new NumericRetemplating().Apply(wrongStep, AnswerType.Number, Pool, rng));
        Assert.Null(new NumericRetemplating().Apply(half, AnswerType.Number, Pool, rng));
        Assert.False(new NumericRetemplating().AppliesTo(Pool[1], AnswerType.Number));
    }

    [Fact]
    public void Retemplating_rejects_when_every_new_answer_would_be_negative()
    {
        // 3 - 5 stays negative for most draws; when all attempts fail the record is rejected, never emitted negative.
        var record = new DatasetRecord("n", "Ann has 30 coins and gives away 25. How many are left?", "<<30-25=5>>5\n#### 5");
        for (ulong seed = 0; seed < 50; seed++)
        {
            var sample = new NumericRetemplating().Apply(record, AnswerType.Number, Pool, new DeterministicRandom(seed));
            if (sample is not null)
            {
                Assert.True(decimal.Parse(sample.Answer.Value, System.Globalization.CultureInfo.InvariantCulture) >= 0);
            }
        }
    }

    [Fact]
    public void Multiple_choice_has_exactly_one_correct_option_and_a_computed_letter()
    {
        for (ulong seed = 0; seed < 30; seed++)
        {
            var sample = new OpenToMultipleChoice().Apply(Ducks, AnswerType.Number, Pool, new DeterministicRandom(seed));

            Assert.NotNull(sample);
            Assert.Equal(AnswerType.Choice, sample.Answer.Type);
            Assert.Equal(4, sample.Choices.Count);
            Assert.Equal(4, sample.Choices.Distinct().Count());
            Assert.Single(sample.Choices, c => c == "18");
            Assert.Equal("18", sample.Choices[sample.Answer.Value[0] - 'A']);
            Assert.Contains($"{sample.Answer.Value}) 18\n", sample.Prompt);
            Assert.All(sample.Choices, c => Assert.True(decimal.Parse(c, System.Globalization.CultureInfo.InvariantCulture) >= 0));
        }
    }

    [Fact]
    public void Multiple_choice_over_text_answers_mines_other_records()
    {
        IReadOnlyList<DatasetRecord> pool =
        [
            new("a", "Capital of France?", "Paris"), new("b", "Capital of Italy?", "Rome"),
            new("c", "Capital of Spain?", "Madrid"), new("d", "Capital of Peru?", "Lima"),
        ];

        var sample = new OpenToMultipleChoice(3).Apply(pool[0], AnswerType.ShortText, pool, new DeterministicRandom(3));

        Assert.NotNull(sample);
        Assert.Equal("Paris", sample.Choices[sample.Answer.Value[0] - 'A']);
        Assert.Equal(3, sample.Choices.Distinct().Count());
        Assert.Null(new OpenToMultipleChoice().Apply(pool[0], AnswerType.ShortText, [pool[0]], new DeterministicRandom(3)));
    }

    [Fact]
    public void Option_shuffle_permutes_options_and_recomputes_the_letter()
    {
        var record = new DatasetRecord("c", "Which is a fruit?\nA) carrot\nB) apple\nC) potato\nD) onion", "B");

        for (ulong seed = 0; seed < 20; seed++)
        {
            var sample = new OptionShuffle().Apply(record, AnswerType.Choice, [record], new DeterministicRandom(seed));

            Assert.NotNull(sample);
            Assert.Equal(["apple", "carrot", "onion", "potato"], sample.Choices.Order());
            Assert.NotEqual(["carrot", "apple", "potato", "onion"], sample.Choices);
            Assert.Equal("apple", sample.Choices[sample.Answer.Value[0] - 'A']);
            Assert.StartsWith("Which is a fruit?\n\n", sample.Prompt);
        }
    }

    [Fact]
    public void Context_injection_adds_marked_sentences_from_other_records_without_numbers()
    {
        var sample = new IrrelevantContextInjection().Apply(Ducks, AnswerType.Number, Pool, new DeterministicRandom(11));

        Assert.NotNull(sample);
        string text = sample.Prompt;
        int marker = text.IndexOf(IrrelevantContextInjection.Marker, StringComparison.Ordinal);
        Assert.True(marker > 0);
        string background = text[marker..text.IndexOf(')', marker)];
        Assert.DoesNotContain(background, char.IsDigit);
        Assert.DoesNotContain("Janet", background);
        Assert.Contains("How much in dollars does she make every day at the farmers' market?\n\n", text);
        Assert.Equal("18", sample.Answer.Value);
    }

    [Fact]
    public void Surface_noise_swaps_letters_but_never_touches_numbers()
    {
        var sample = new SurfaceNoise().Apply(Ducks, AnswerType.Number, Pool, new DeterministicRandom(5));

        Assert.NotNull(sample);
        Assert.NotEqual(Ducks.Input + "\n\nGive the final answer as a number.", sample.Prompt);
        Assert.Equal(Digits(Ducks.Input), Digits(sample.Prompt));
        Assert.Equal(Ducks.Input.Length + "\n\nGive the final answer as a number.".Length, sample.Prompt.Length);
        Assert.Equal(Ducks.Input.Order(), sample.Prompt[..Ducks.Input.Length].Order());
    }

    [Fact]
    public void Format_constraint_sets_an_explicit_instruction()
    {
        var sample = new AnswerFormatConstraint().Apply(Ducks, AnswerType.Number, Pool, new DeterministicRandom(2));

        Assert.NotNull(sample);
        Assert.Contains(AnswerFormatConstraint.InstructionsFor(AnswerType.Number), i => sample.Prompt.EndsWith(i, StringComparison.Ordinal));
    }

    [Fact]
    public void Chain_records_every_name_and_composes_in_order()
    {
        var chain = new TransformationChain(new NumericRetemplating(), new OpenToMultipleChoice(), new IrrelevantContextInjection(), new SurfaceNoise(), new AnswerFormatConstraint());

        var sample = chain.Apply(Ducks, AnswerType.Number, Pool, new DeterministicRandom(9));

        Assert.NotNull(sample);
        Assert.Equal(["numeric-retemplating", "open-to-multiple-choice", "irrelevant-context-injection", "surface-noise", "answer-format-constraint"], sample.Chain);
        Assert.Equal(AnswerType.Choice, sample.Answer.Type);
        Assert.Equal(NumericRetemplating.Annotations(sample.Solution!)[^1].Result, sample.Choices[sample.Answer.Value[0] - 'A']);
        Assert.Contains(AnswerFormatConstraint.InstructionsFor(AnswerType.Choice), i => sample.Prompt.EndsWith(i, StringComparison.Ordinal));
        Assert.True(chain.Risk > new NumericRetemplating().Risk);
        Assert.Null(new TransformationChain(new OptionShuffle()).Apply(Ducks, AnswerType.Number, Pool, new DeterministicRandom(9)));
    }

    private static string Digits(string text) => new(text.Where(char.IsDigit).ToArray());
}
