using System.Text;
using System.Text.RegularExpressions;

namespace BenchmarkAgent.Families;

/// <summary>
/// Converts a measurement, or the total of several measurements given in mixed units, into a target
/// unit of the same dimension. Hard items add a measurement of another dimension as a distractor.
/// </summary>
internal sealed partial class UnitConversionFamily : ITaskFamily
{
    private sealed record Unit(string Name, decimal Factor);

    private sealed record Dimension(string Noun, string Adjective, string[] Things, Unit[] Units);

    // Factors are to a base unit of each dimension; every factor is exact, so decimal arithmetic is exact.
    private static readonly Dimension[] Dimensions =
    [
        new("length", "long", ["rope", "ribbon", "cable", "plank", "hose"], [new("kilometres", 1000m), new("metres", 1m), new("centimetres", 0.01m), new("millimetres", 0.001m)]),
        new("mass", "heavy", ["parcel", "sack of rice", "block of cheese", "bag of flour", "crate"], [new("kilograms", 1000m), new("grams", 1m), new("milligrams", 0.001m)]),
        new("volume", "large", ["jug of juice", "bottle of water", "tank of oil", "can of paint"], [new("litres", 1000m), new("millilitres", 1m), new("centilitres", 10m), new("decilitres", 100m)]),
        new("duration", "long", ["rehearsal", "meeting", "bus ride", "training session"], [new("hours", 3600m), new("minutes", 60m), new("seconds", 1m)]),
        new("length", "long", ["board", "curtain", "shelf", "pipe"], [new("yards", 36m), new("feet", 12m), new("inches", 1m)]),
    ];

    /// <inheritdoc />
    public TaskFamilyCard Card { get; } = new(
        "unit-conversion",
        "Unit conversion",
        "Converts a measurement, or the sum of several measurements in mixed units (metric lengths, masses, volumes, durations, imperial lengths), into a requested unit.",
        "arithmetic",
        ["unit conversion", "units", "measurement", "metric", "imperial", "convert", "arithmetic", "math", "physics", "mixed units"],
        AnswerType.Number);

    /// <inheritdoc />
    public FamilySample Generate(ulong seed, Difficulty difficulty)
    {
        var rng = new DeterministicRandom(seed);
        int index = rng.Next(Dimensions.Length);
        var dim = Dimensions[index];
        string who = rng.Pick(Lexicon.Names);
        int count = difficulty switch { Difficulty.Easy => 1, Difficulty.Medium => 2, _ => rng.Between(3, 4) };
        var target = rng.Pick(dim.Units);
        var quantities = new List<(decimal Value, Unit Unit)>();
        decimal baseTotal = 0;
        for (int i = 0; i < count; i++)
        {
            // The single Easy quantity is always in a different unit than the target.
            var unit = rng.Pick<Unit>(count == 1 ? dim.Units.Where(u => u != target).ToList() : dim.Units);
            decimal value = rng.Chance(0.6) ? rng.Between(2, 99) : rng.Between(11, 999) / 10m;
            quantities.Add((value, unit));
            baseTotal += value * unit.Factor;
        }

        string Q((decimal Value, Unit Unit) q) => $"{PromptText.Num(q.Value)} {q.Unit.Name}";
        string thing = rng.Pick(dim.Things);
        var builder = new StringBuilder();
        if (count == 1)
        {
            builder.Append(rng.Next(3) switch
            {
                0 => $"The {thing} that {who} bought measures {Q(quantities[0])}.",
                1 => $"{who} records a {thing} of {Q(quantities[0])}.",
                _ => $"A measurement of {Q(quantities[0])} is written on the {thing}.",
            });
        }
        else
        {
            builder.Append(rng.Next(2) switch
            {
                0 => $"{who} has {count} items of the same kind measuring {PromptText.JoinAnd(quantities.Select(Q).ToList())}.",
                _ => $"A {thing} is made of {count} pieces measuring {PromptText.JoinAnd(quantities.Select(Q).ToList())}.",
            });
        }

        if (difficulty == Difficulty.Hard)
        {
            // A measurement of a different dimension, which the total must ignore.
            var otherDim = rng.Pick(Dimensions.Where(d => d.Noun != dim.Noun).ToList());
            builder.Append($" Preparing them also involves {rng.Between(2, 60)} {rng.Pick(otherDim.Units).Name} of something else entirely.");
        }

        decimal answer = Math.Round(baseTotal / target.Factor, 4, MidpointRounding.AwayFromZero);
        builder.Append("\n\n").Append(count == 1 ? "What is that" : "What is the total").Append(" in ").Append(target.Name)
            .Append("? Round to four decimal places if needed. Answer with a single number.");
        return new FamilySample(builder.ToString(), ExpectedAnswer.Number(answer, 0.0001));
    }

    /// <inheritdoc />
    public CheckResult Check(FamilySample sample)
    {
        ArgumentNullException.ThrowIfNull(sample);
        var target = Target().Match(sample.Prompt);
        string[] parts = sample.Prompt.Split("\n\n");
        if (!target.Success || parts.Length != 2)
        {
            return CheckResult.Fail("question not recognised");
        }

        var dimension = Dimensions.FirstOrDefault(d => d.Units.Any(u => u.Name == target.Groups["u"].Value));
        if (dimension is null)
        {
            return CheckResult.Fail("unknown target unit");
        }

        // Only the first sentence holds the measurements to convert; later sentences are distractors.
        string first = parts[0].Split(". ")[0];
        decimal baseTotal = 0;
        int found = 0;
        foreach (Match q in Quantity().Matches(first))
        {
            var unit = dimension.Units.FirstOrDefault(u => u.Name == q.Groups["u"].Value);
            if (unit is null)
            {
                return CheckResult.Fail($"unit {q.Groups["u"].Value} does not match the target dimension");
            }

            baseTotal += PromptText.ParseNum(q.Groups["v"].Value) * unit.Factor;
            found++;
        }

        if (Count().Match(first) is { Success: true } stated && PromptText.ParseInt(stated.Groups["n"].Value) != found)
        {
            return CheckResult.Fail("the stated number of pieces does not match the measurements listed");
        }

        if (found == 0)
        {
            return CheckResult.Fail("no measurement found");
        }

        var factor = dimension.Units.First(u => u.Name == target.Groups["u"].Value).Factor;
        return PromptText.CheckNumber(sample, Math.Round(baseTotal / factor, 4, MidpointRounding.AwayFromZero));
    }

    [GeneratedRegex(@"What is (?:that|the total) in (?<u>\w+)\?")]
    private static partial Regex Target();

    [GeneratedRegex(@"(?<n>\d+) (?:items of the same kind|pieces) measuring")]
    private static partial Regex Count();

    [GeneratedRegex(@"(?<v>\d+(?:\.\d+)?) (?<u>kilometres|metres|centimetres|millimetres|kilograms|grams|milligrams|litres|millilitres|centilitres|decilitres|hours|minutes|seconds|yards|feet|inches)\b")]
    private static partial Regex Quantity();
}
