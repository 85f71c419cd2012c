using System.Text;
using System.Text.RegularExpressions;

namespace BenchmarkAgent.Families;

/// <summary>
/// A price changes by a sequence of percentage increases and discounts; the answer is the final price.
/// Percentages compound, which is the classic trap (a 20% rise then a 20% cut is not the start price).
/// </summary>
internal sealed partial class PercentageChangeFamily : ITaskFamily
{
    private static readonly string[] Items = ["bicycle", "laptop", "sofa", "camera", "kettle", "guitar", "tent", "printer", "backpack", "lamp", "desk", "scooter"];
    private static readonly string[] Months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
    private static readonly int[] FriendlyPercents = [5, 10, 15, 20, 25, 30, 40, 50];

    /// <inheritdoc />
    public TaskFamilyCard Card { get; } = new(
        "percentage-change",
        "Compound percentage changes",
        "A price is raised and discounted by several percentages in turn; the model must compound the changes and give the final price, rounded to cents.",
        "arithmetic",
        ["percentages", "percent", "discount", "price increase", "compound", "arithmetic", "math", "word problems", "finance", "rounding"],
        AnswerType.Number);

    /// <inheritdoc />
    public FamilySample Generate(ulong seed, Difficulty difficulty)
    {
        var rng = new DeterministicRandom(seed);
        string item = rng.Pick(Items);
        int steps = difficulty switch { Difficulty.Easy => 1, Difficulty.Medium => 2, _ => rng.Between(3, 4) };
        decimal price = difficulty == Difficulty.Hard ? rng.Between(50, 2000) : rng.Between(2, 50) * 10;
        int month = rng.Next(12 - steps);
        var sentences = new List<string>
        {
            rng.Next(3) switch
            {
                0 => $"In {Months[month]} a {item} costs {PromptText.Num(price)} dollars.",
                1 => $"In {Months[month]} the shop sells a {item} for {PromptText.Num(price)} dollars.",
                _ => $"In {Months[month]} a {item} is priced at {PromptText.Num(price)} dollars.",
            },
        };

        for (int i = 0; i < steps; i++)
        {
            int percent = difficulty == Difficulty.Easy ? rng.Pick(FriendlyPercents) : rng.Between(2, 60);
            bool up = rng.Chance(0.5);
            string when = Months[month + i + 1];
            sentences.Add((up, rng.Next(2)) switch
            {
                (true, 0) => $"In {when} the price rises by {percent}%.",
                (true, _) => $"In {when} the price is raised by {percent}%.",
                (false, 0) => $"In {when} the price drops by {percent}%.",
                (false, _) => $"In {when} the {item} is discounted by {percent}%.",
            });
            price = price * (100 + (up ? percent : -percent)) / 100;
        }

        if (difficulty != Difficulty.Easy)
        {
            // A second product's price, stated in the same form, must not be folded into the answer.
            string other = rng.Pick(Items.Where(x => x != item).ToList());
            sentences.Insert(1 + rng.Next(sentences.Count), $"A {other} in the same shop costs {rng.Between(20, 900)} dollars.");
        }

        var builder = new StringBuilder();
        builder.AppendJoin(' ', sentences);
        builder.Append("\n\nWhat is the price of the ").Append(item)
            .Append(" after these changes, in dollars? Round to two decimal places if needed. Answer with a single number.");
        return new FamilySample(builder.ToString(), ExpectedAnswer.Number(Math.Round(price, 2, MidpointRounding.AwayFromZero), 0.01));
    }

    /// <inheritdoc />
    public CheckResult Check(FamilySample sample)
    {
        ArgumentNullException.ThrowIfNull(sample);
        var question = Question().Match(sample.Prompt);
        if (!question.Success)
        {
            return CheckResult.Fail("question not recognised");
        }

        string item = question.Groups["item"].Value;
        var start = Start().Match(sample.Prompt);
        if (!start.Success || start.Groups["item"].Value != item)
        {
            return CheckResult.Fail("starting price of the asked item not found");
        }

        // Multiply all factors first, then apply them once: a different order of operations than the generator's.
        decimal factor = 1;
        foreach (Match change in Change().Matches(sample.Prompt))
        {
            decimal percent = PromptText.ParseNum(change.Groups["p"].Value);
            bool up = change.Groups["dir"].Value is "rises" or "is raised";
            factor *= 1 + ((up ? percent : -percent) / 100);
        }

        decimal price = PromptText.ParseNum(start.Groups["p"].Value) * factor;
        return PromptText.CheckNumber(sample, Math.Round(price, 2, MidpointRounding.AwayFromZero));
    }

    [GeneratedRegex(@"What is the price of the (?<item>\w+) after these changes")]
    private static partial Regex Question();

    [GeneratedRegex(@"^In \w+ (?:a|the shop sells a) (?<item>\w+) (?:costs|for|is priced at) (?<p>\d+) dollars\.")]
    private static partial Regex Start();

    [GeneratedRegex(@"In \w+ the (?:price|\w+) (?<dir>rises|is raised|drops|is discounted) by (?<p>\d+)%\.")]
    private static partial Regex Change();
}
