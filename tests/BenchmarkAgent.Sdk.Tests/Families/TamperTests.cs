using System.Text.RegularExpressions;
using BenchmarkAgent.Families;

namespace BenchmarkAgent.Sdk.Tests.Families;

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
            // Bump the first number of the prompt: it always feeds the answer in these families.
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
        Assert.True(detected >= tampered * 0.9, $"{id}: detected {detected} of {tampered} tampered prompts");
    }

    [GeneratedRegex(@"\d+")]
    private static partial Regex FirstNumber();
}
