using System.Text.RegularExpressions;
using BenchmarkAgent.Families;

namespace BenchmarkAgent.Core.Tests.Families;

public sealed partial class TamperTests
{
    [Theory]
    [MemberData(nameof(FamilyTestData.FamilyIds), MemberType = typeof(FamilyTestData))]
    public void Changing_a_number_in_the_prompt_is_detected_for_number_families(string id)
    {
        var family = FamilyTestData.Get(id);
        if (family.Card.AnswerType != AnswerType.Number)
        {
            return;
        }

        int tampered = 0;
        int detected = 0;
        for (ulong seed = 0; seed < 100; seed++)
        {
            var sample = family.Generate(seed, Difficulty.Medium);
            // Bump the first number of the prompt: in most items of these families it feeds the answer
            // (a list maximum, for example, may ignore it), so most changes must be caught.
            var match = FirstNumber().Match(sample.Prompt);
            if (!match.Success)
            {
                continue;
            }

            string bumped = (long.Parse(match.Value, System.Globalization.CultureInfo.InvariantCulture) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var changed = sample with { Prompt = sample.Prompt[..match.Index] + bumped + sample.Prompt[(match.Index + match.Length)..] };
            tampered++;
            if (!family.Check(changed).Agrees)
            {
                detected++;
            }
        }

        Assert.True(tampered > 0, $"{id}: nothing to tamper with");
        Assert.True(detected >= tampered * 0.75, $"{id}: detected {detected} of {tampered} tampered prompts");
    }

    [Fact]
    public void Every_changed_starting_count_is_caught_in_multi_step_arithmetic()
    {
        var family = new MultiStepArithmeticFamily();
        foreach (var difficulty in Enum.GetValues<Difficulty>())
        {
            for (ulong seed = 0; seed < 200; seed++)
            {
                var sample = family.Generate(seed, difficulty);
                Assert.True(family.Check(sample).Agrees);
                var match = FirstNumber().Match(sample.Prompt);
                int start = int.Parse(match.Value, System.Globalization.CultureInfo.InvariantCulture);
                string changed = sample.Prompt[..match.Index] + (start * 2 + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) + sample.Prompt[(match.Index + match.Length)..];
                Assert.False(family.Check(sample with { Prompt = changed }).Agrees, changed);
            }
        }
    }

    [GeneratedRegex(@"\d+")]
    private static partial Regex FirstNumber();
}
