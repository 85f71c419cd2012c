using System.Globalization;
using BenchmarkAgent.Grounding;
using BenchmarkAgent.Core.Tests.Grounding;
using BenchmarkAgent.Transformations;

namespace BenchmarkAgent.Core.Tests.Transformations;

[Collection(Gsm8kCollection.Name)]
public sealed class Gsm8kRobustnessTests
{
    private const int ItemCount = 200;

    private static readonly RecordTransformation[] Chains =
    [
        new TransformationChain(new NumericRetemplating(), new OpenToMultipleChoice(), new IrrelevantContextInjection(), new AnswerFormatConstraint()),
        new TransformationChain(new NumericRetemplating(), new IrrelevantContextInjection(), new SurfaceNoise(), new AnswerFormatConstraint()),
        new TransformationChain(new NumericRetemplating(), new SurfaceNoise(), new OpenToMultipleChoice(5)),
        new TransformationChain(new OpenToMultipleChoice(), new IrrelevantContextInjection(), new SurfaceNoise()),
    ];

    [Fact]
    public void Gsm8k_test_split_has_1319_numeric_records()
    {
        var dataset = GroundingTestData.Gsm8k();

        Assert.Equal(1319, dataset.Records.Count);
        Assert.Equal(AnswerType.Number, dataset.Card.AnswerType);
        Assert.Equal("gsm8k-test", dataset.Card.Name);
        Assert.All(dataset.Records, r => Assert.True(AnswerInference.TryParseNumber(AnswerInference.FinalAnswer(r.Output), out _), r.Id));
    }

    [Fact]
    public void Two_hundred_robustness_items_are_verified_independently()
    {
        var dataset = GroundingTestData.Gsm8k();
        var items = Build(dataset, seed: 42);

        Assert.Equal(ItemCount, items.Count);
        Assert.Equal(ItemCount, items.Select(i => i.Sample.Prompt).Distinct(StringComparer.Ordinal).Count());
        int retemplated = 0, choice = 0;
        foreach (var (record, sample) in items)
        {
            Assert.True(sample.Chain.Count >= 3, string.Join(",", sample.Chain));
            if (sample.Answer.Type == AnswerType.Choice)
            {
                choice++;
                Assert.Equal(sample.Choices.Count, sample.Choices.Distinct(StringComparer.Ordinal).Count());
                Assert.Contains($"{sample.Answer.Value}) ", sample.Prompt);
            }

            string answerValue = sample.Answer.Type == AnswerType.Choice ? sample.Choices[sample.Answer.Value[0] - 'A'] : sample.Answer.Value;
            if (sample.Chain[0] == "numeric-retemplating")
            {
                retemplated++;
                string solution = Assert.IsType<string>(sample.Solution);
                var annotations = NumericRetemplating.Annotations(solution);
                Assert.NotEmpty(annotations);
                foreach (var (expression, result) in annotations)
                {
                    Assert.True(ArithmeticEvaluator.TryEvaluate(expression, out decimal value, out string error), $"{record.Id}: {expression}: {error}");
                    Assert.Equal(ExpectedAnswer.FormatNumber(value), result);
                }

                Assert.Equal(annotations[^1].Result, answerValue);
                Assert.EndsWith("#### " + answerValue, solution);
                decimal answer = decimal.Parse(answerValue, CultureInfo.InvariantCulture);
                Assert.True(answer >= 0 && answer == decimal.Truncate(answer), $"{record.Id}: {answerValue}");
                // The question paragraph (before options and instruction) states other numbers than the original.
                Assert.NotEqual(Numbers(record.Input), Numbers(sample.Prompt.Split("\n\n")[0]));
                Assert.DoesNotContain(record.Input, sample.Prompt);
            }
            else
            {
                Assert.True(AnswerInference.TryParseNumber(AnswerInference.FinalAnswer(record.Output), out decimal original));
                Assert.Equal(ExpectedAnswer.FormatNumber(original), answerValue);
            }

            if (sample.Answer.Type == AnswerType.Choice)
            {
                Assert.Single(sample.Choices, c => c == answerValue);
            }
        }

        Assert.True(retemplated >= ItemCount / 2, $"only {retemplated} re-templated items");
        Assert.True(choice >= ItemCount / 4, $"only {choice} multiple-choice items");
    }

    [Fact]
    public void Items_are_deterministic_per_seed()
    {
        var dataset = GroundingTestData.Gsm8k();

        var first = Build(dataset, seed: 7).Select(i => (i.Sample.Prompt, i.Sample.Answer, string.Join(",", i.Sample.Choices))).ToList();
        var again = Build(dataset, seed: 7).Select(i => (i.Sample.Prompt, i.Sample.Answer, string.Join(",", i.Sample.Choices))).ToList();
        var other = Build(dataset, seed: 8).Select(i => i.Sample.Prompt).ToList();

        Assert.Equal(first, again);
        Assert.NotEqual(first.Select(i => i.Prompt), other);
    }

    [Fact]
    public void Most_gsm8k_records_with_annotations_can_be_retemplated()
    {
        var dataset = GroundingTestData.Gsm8k();
        var transformation = new NumericRetemplating();
        int accepted = dataset.Records.Count(r => transformation.Apply(r, AnswerType.Number, dataset.Records, new DeterministicRandom(StableHash.Seed("r", r.Id))) is not null);

        Assert.True(accepted >= 300, $"only {accepted} of {dataset.Records.Count} re-templated");
    }

    private static List<string> Numbers(string text) =>
        System.Text.RegularExpressions.Regex.Matches(text, @"\d+(?:,\d{3})*(?:\.\d+)?").Select(m => m.Value).ToList();

    private static List<(DatasetRecord Record, TransformedSample Sample)> Build(Dataset dataset, ulong seed)
    {
        var items = new List<(DatasetRecord, TransformedSample)>();
        var order = new DeterministicRandom(seed).Shuffle(Enumerable.Range(0, dataset.Records.Count));
        foreach (int index in order)
        {
            if (items.Count == ItemCount)
            {
                break;
            }

            var record = dataset.Records[index];
            var chain = Chains[items.Count % Chains.Length];
            var sample = chain.Apply(record, dataset.Card.AnswerType, dataset.Records, new DeterministicRandom(StableHash.Seed(seed, record.Id, chain.Name)));
            if (sample is not null)
            {
                items.Add((record, sample));
            }
        }

        return items;
    }
}
