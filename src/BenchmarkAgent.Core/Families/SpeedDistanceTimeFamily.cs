using System.Text;
using System.Text.RegularExpressions;

namespace BenchmarkAgent.Families;

/// <summary>
/// Speed, distance and time: one leg on easy items (find the missing quantity), a two-leg trip on medium items
/// (total time or average speed), and two travellers heading towards each other on hard items (when or where they meet).
/// </summary>
internal sealed partial class SpeedDistanceTimeFamily : ITaskFamily
{
    private static readonly string[] Vehicles = ["train", "bus", "cyclist", "truck", "ferry", "car"];

    /// <inheritdoc />
    public TaskFamilyCard Card { get; } = new(
        "speed-distance-time",
        "Speed, distance and time",
        "Travel problems: the missing one of speed, distance and time for one leg; total time or average speed over two legs; or when and where two travellers heading towards each other meet.",
        "arithmetic",
        ["speed", "distance", "time", "travel", "average speed", "rate problems", "kinematics", "meeting point", "word problems", "km/h"],
        AnswerType.Number);

    /// <inheritdoc />
    public FamilySample Generate(ulong seed, Difficulty difficulty)
    {
        var rng = new DeterministicRandom(seed);
        string who = rng.Pick(Lexicon.Names);
        string other = rng.Pick(Lexicon.Names.Where(n => n != who).ToList());
        var cities = rng.Shuffle(Lexicon.Cities).Take(2).ToList();
        string vehicle = rng.Pick(Vehicles);
        var builder = new StringBuilder();
        decimal answer;
        if (difficulty == Difficulty.Easy)
        {
            decimal speed = rng.Between(10, 120);
            decimal hours = rng.Between(1, 10) / 2m;
            decimal km = speed * hours;
            switch (rng.Next(3))
            {
                case 0:
                    builder.Append($"On a trip from {cities[0]}, the {vehicle} of {who} covers {PromptText.Num(km)} km in {PromptText.Num(hours)} hours at a steady speed.\n\nWhat is its speed in km/h?");
                    answer = speed;
                    break;
                case 1:
                    builder.Append($"{who} travels {PromptText.Num(km)} km by {vehicle} to {cities[0]} at a steady {PromptText.Num(speed)} km/h.\n\nHow many hours does the journey take?");
                    answer = hours;
                    break;
                default:
                    builder.Append($"{who} takes a {vehicle} that leaves {cities[0]} and runs at a steady {PromptText.Num(speed)} km/h for {PromptText.Num(hours)} hours.\n\nHow many km does it travel?");
                    answer = km;
                    break;
            }
        }
        else if (difficulty == Difficulty.Medium)
        {
            decimal s1 = rng.Between(4, 24) * 5m;
            decimal s2 = rng.Between(4, 24) * 5m;
            decimal t1 = rng.Between(1, 8) / 2m;
            decimal t2 = rng.Between(1, 8) / 2m;
            decimal d1 = s1 * t1;
            decimal d2 = s2 * t2;
            builder.Append(rng.Chance(0.5)
                ? $"{who} drives {PromptText.Num(d1)} km from {cities[0]} at {PromptText.Num(s1)} km/h, then another {PromptText.Num(d2)} km to {cities[1]} at {PromptText.Num(s2)} km/h."
                : $"A {vehicle} travels {PromptText.Num(d1)} km at {PromptText.Num(s1)} km/h from {cities[0]} and then {PromptText.Num(d2)} km at {PromptText.Num(s2)} km/h on to {cities[1]}.");
            if (rng.Chance(0.5))
            {
                builder.Append("\n\nHow many hours does the whole trip take?");
                answer = t1 + t2;
            }
            else
            {
                builder.Append("\n\nWhat is the average speed over the whole trip in km/h? Round to two decimal places if needed.");
                answer = Math.Round((d1 + d2) / (t1 + t2), 2, MidpointRounding.AwayFromZero);
            }
        }
        else
        {
            decimal s1 = rng.Between(3, 30) * 4m;
            decimal s2 = rng.Between(3, 30) * 4m;
            decimal hours = rng.Between(2, 20) / 4m;
            decimal apart = (s1 + s2) * hours;
            builder.Append($"{cities[0]} and {cities[1]} are {PromptText.Num(apart)} km apart along one road. ");
            builder.Append(rng.Chance(0.5)
                ? $"At the same moment, {who} sets off from {cities[0]} towards {cities[1]} at {PromptText.Num(s1)} km/h and {other} sets off from {cities[1]} towards {cities[0]} at {PromptText.Num(s2)} km/h."
                : $"{who} leaves {cities[0]} heading for {cities[1]} at {PromptText.Num(s1)} km/h, and at exactly the same time {other} leaves {cities[1]} heading for {cities[0]} at {PromptText.Num(s2)} km/h.");
            builder.Append(" Both keep a steady speed.");
            if (rng.Chance(0.5))
            {
                builder.Append("\n\nAfter how many hours do they meet?");
                answer = hours;
            }
            else
            {
                builder.Append($"\n\nHow many km from {cities[0]} do they meet?");
                answer = s1 * hours;
            }
        }

        builder.Append(" Answer with a single number.");
        return new FamilySample(builder.ToString(), ExpectedAnswer.Number(answer));
    }

    /// <inheritdoc />
    public CheckResult Check(FamilySample sample)
    {
        ArgumentNullException.ThrowIfNull(sample);
        string p = sample.Prompt;
        if (OneLeg().Match(p) is { Success: true } one)
        {
            var g = one.Groups;
            decimal result = true switch
            {
                _ when g["qspeed"].Success && g["d1"].Success && g["t1"].Success => Num(g["d1"]) / Num(g["t1"]),
                _ when g["qtime"].Success && g["d2"].Success && g["s2"].Success => Num(g["d2"]) / Num(g["s2"]),
                _ when g["qdist"].Success && g["s3"].Success && g["t3"].Success => Num(g["s3"]) * Num(g["t3"]),
                _ => -1,
            };
            return result < 0 ? CheckResult.Fail("the question does not fit the story") : PromptText.CheckNumber(sample, result);
        }

        if (TwoLegs().Match(p) is { Success: true } two)
        {
            var g = two.Groups;
            decimal hours = (Num(g["d1"]) / Num(g["s1"])) + (Num(g["d2"]) / Num(g["s2"]));
            decimal result = g["qtime"].Success ? hours : Math.Round((Num(g["d1"]) + Num(g["d2"])) / hours, 2, MidpointRounding.AwayFromZero);
            return PromptText.CheckNumber(sample, result);
        }

        if (Meeting().Match(p) is { Success: true } meet)
        {
            var g = meet.Groups;
            if ((g["from"].Success && g["from"].Value != g["c1"].Value) || g["c1"].Value != g["a"].Value || g["c2"].Value != g["b"].Value)
            {
                return CheckResult.Fail("the towns in the story do not line up");
            }

            // Simulate in quarter-hour steps until the gap closes; the generator instead divides.
            decimal gap = Num(g["apart"]);
            decimal closing = Num(g["s1"]) + Num(g["s2"]);
            decimal t = 0;
            while (gap > 0)
            {
                gap -= closing / 4;
                t += 0.25m;
            }

            if (gap != 0)
            {
                return CheckResult.Fail("they do not meet on a quarter hour");
            }

            return PromptText.CheckNumber(sample, g["qtime"].Success ? t : Num(g["s1"]) * t);
        }

        return CheckResult.Fail("story not recognised");
    }

    private static decimal Num(Group group) => PromptText.ParseNum(group.Value);

    [GeneratedRegex(@"^(?:On a trip from \w+, the \w+ of \w+ covers (?<d1>[\d.]+) km in (?<t1>[\d.]+) hours at a steady speed\.|\w+ travels (?<d2>[\d.]+) km by \w+ to \w+ at a steady (?<s2>[\d.]+) km/h\.|\w+ takes a \w+ that leaves \w+ and runs at a steady (?<s3>[\d.]+) km/h for (?<t3>[\d.]+) hours\.)\n\n(?:(?<qspeed>What is its speed in km/h\?)|(?<qtime>How many hours does the journey take\?)|(?<qdist>How many km does it travel\?)) Answer with a single number\.$")]
    private static partial Regex OneLeg();

    [GeneratedRegex(@"^(?:\w+ drives (?<d1>[\d.]+) km from \w+ at (?<s1>[\d.]+) km/h, then another (?<d2>[\d.]+) km to \w+ at (?<s2>[\d.]+) km/h\.|A \w+ travels (?<d1>[\d.]+) km at (?<s1>[\d.]+) km/h from \w+ and then (?<d2>[\d.]+) km at (?<s2>[\d.]+) km/h on to \w+\.)\n\n(?:(?<qtime>How many hours does the whole trip take\?)|What is the average speed over the whole trip in km/h\? Round to two decimal places if needed\.) Answer with a single number\.$")]
    private static partial Regex TwoLegs();

    [GeneratedRegex(@"^(?<a>\w+) and (?<b>\w+) are (?<apart>[\d.]+) km apart along one road\. (?:At the same moment, \w+ sets off from (?<c1>\w+) towards (?<c2>\w+) at (?<s1>[\d.]+) km/h and \w+ sets off from \k<c2> towards \k<c1> at (?<s2>[\d.]+) km/h\.|\w+ leaves (?<c1>\w+) heading for (?<c2>\w+) at (?<s1>[\d.]+) km/h, and at exactly the same time \w+ leaves \k<c2> heading for \k<c1> at (?<s2>[\d.]+) km/h\.) Both keep a steady speed\.\n\n(?:(?<qtime>After how many hours do they meet\?)|How many km from (?<from>\w+) do they meet\?) Answer with a single number\.$")]
    private static partial Regex Meeting();
}
