using System.Text.RegularExpressions;
using BenchmarkAgent.Families;

namespace BenchmarkAgent.Core.Tests.Families;

public sealed class FamilyContractTests
{
    private const int SeedsPerDifficulty = 1000;

    [Theory]
    [MemberData(nameof(FamilyTestData.FamilyIds), MemberType = typeof(FamilyTestData))]
    public void Checker_agrees_and_prompts_are_unique_for_every_difficulty(string id)
    {
        var family = FamilyTestData.Get(id);
        foreach (var difficulty in Enum.GetValues<Difficulty>())
        {
            var prompts = new HashSet<string>(StringComparer.Ordinal);
            for (ulong seed = 0; seed < SeedsPerDifficulty; seed++)
            {
                var sample = family.Generate(seed * 7919 + 17, difficulty);
                var check = family.Check(sample);
                Assert.True(check.Agrees, $"{id}/{difficulty}/seed {seed}: {check.Detail}\n{sample.Prompt}\nstored: {sample.Answer.Value}");
                Assert.True(prompts.Add(sample.Prompt), $"{id}/{difficulty}: duplicate prompt at seed {seed}\n{sample.Prompt}");
                Assert.Equal(family.Card.AnswerType, sample.Answer.Type);
                AssertWellFormed(sample, id);
            }
        }
    }

    [Theory]
    [MemberData(nameof(FamilyTestData.FamilyIds), MemberType = typeof(FamilyTestData))]
    public void Generation_is_deterministic_and_seed_sensitive(string id)
    {
        var family = FamilyTestData.Get(id);
        foreach (var difficulty in Enum.GetValues<Difficulty>())
        {
            int different = 0;
            for (ulong seed = 1; seed <= 50; seed++)
            {
                var first = family.Generate(seed, difficulty);
                var again = family.Generate(seed, difficulty);
                Assert.Equal(first.Prompt, again.Prompt);
                Assert.Equal(first.Answer, again.Answer);
                Assert.Equal(first.Choices, again.Choices);
                if (family.Generate(seed + 1000, difficulty).Prompt != first.Prompt)
                {
                    different++;
                }
            }

            Assert.True(different >= 45, $"{id}/{difficulty}: only {different} of 50 seed pairs differ");
        }
    }

    [Theory]
    [MemberData(nameof(FamilyTestData.FamilyIds), MemberType = typeof(FamilyTestData))]
    public void Hard_items_need_more_work_than_easy_items(string id)
    {
        var family = FamilyTestData.Get(id);
        // Prompt length is a proxy for work: more steps, entities, terms or context all lengthen the prompt.
        double easy = AverageLength(family, Difficulty.Easy);
        double medium = AverageLength(family, Difficulty.Medium);
        double hard = AverageLength(family, Difficulty.Hard);
        Assert.True(hard > easy * 1.1, $"{id}: hard {hard:F0} chars vs easy {easy:F0}");
        Assert.True(medium > easy, $"{id}: medium {medium:F0} chars vs easy {easy:F0}");
    }

    [Theory]
    [MemberData(nameof(FamilyTestData.FamilyIds), MemberType = typeof(FamilyTestData))]
    public void Check_rejects_a_sample_whose_answer_was_swapped(string id)
    {
        var family = FamilyTestData.Get(id);
        int rejected = 0;
        for (ulong seed = 0; seed < 50; seed++)
        {
            var a = family.Generate(seed, Difficulty.Medium);
            var b = family.Generate(seed + 500, Difficulty.Medium);
            if (a.Answer.Value == b.Answer.Value)
            {
                continue;
            }

            if (!family.Check(a with { Answer = b.Answer }).Agrees)
            {
                rejected++;
            }
            else
            {
                Assert.Fail($"{id}: checker accepted a swapped answer {b.Answer.Value} for\n{a.Prompt}");
            }
        }

        Assert.True(rejected > 10, $"{id}: only {rejected} swapped answers to reject");
    }

    private static double AverageLength(ITaskFamily family, Difficulty difficulty)
    {
        long total = 0;
        for (ulong seed = 0; seed < 200; seed++)
        {
            total += family.Generate(seed, difficulty).Prompt.Length;
        }

        return total / 200.0;
    }

    private static void AssertWellFormed(FamilySample sample, string id)
    {
        Assert.EndsWith(".", sample.Prompt.TrimEnd());
        Assert.Matches(@"Answer (with|in) ", sample.Prompt);
        if (sample.Answer.Type == AnswerType.Choice)
        {
            Assert.InRange(sample.Choices.Count, 2, 26);
            Assert.Equal(sample.Choices.Count, sample.Choices.Distinct(StringComparer.Ordinal).Count());
            Assert.Matches("^[A-Z]$", sample.Answer.Value);
            Assert.InRange(sample.Answer.Value[0] - 'A', 0, sample.Choices.Count - 1);
            for (int i = 0; i < sample.Choices.Count; i++)
            {
                Assert.Contains($"\n{(char)('A' + i)}) {sample.Choices[i]}\n", sample.Prompt);
            }
        }
        else if (sample.Answer.Type == AnswerType.Number)
        {
            Assert.True(decimal.TryParse(sample.Answer.Value, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var n), $"{id}: {sample.Answer.Value}");
            Assert.True(n >= 0 || id.Contains("signed", StringComparison.Ordinal), $"{id}: negative answer {n}");
        }
        else
        {
            Assert.False(string.IsNullOrWhiteSpace(sample.Answer.Value), $"{id}: empty text answer");
        }
    }
}
