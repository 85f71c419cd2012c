using System.Globalization;
using System.Text.RegularExpressions;

namespace BenchmarkAgent.Families;

/// <summary>
/// Counts the days between two calendar dates. Spans grow with difficulty, from a few weeks in one year
/// to several years across leap days, and Hard items mention an unrelated third date.
/// </summary>
internal sealed partial class DaysBetweenDatesFamily : ITaskFamily
{
    private const string DateFormat = "d MMMM yyyy";
    private static readonly string[] Events = ["a library book was borrowed", "the renovation started", "the seeds were planted", "the contract was signed", "the expedition set off", "the bakery opened", "the ship left port", "the course began"];
    private static readonly string[] Ends = ["it was returned", "the work was finished", "the first flower appeared", "the first payment arrived", "the team came home", "the first anniversary party was held", "the ship reached its destination", "the final exam took place"];

    /// <inheritdoc />
    public TaskFamilyCard Card { get; } = new(
        "days-between-dates",
        "Days between dates",
        "Two events are dated on the calendar; the model counts the days from the first to the second, across month ends, year ends and leap years.",
        "temporal",
        ["dates", "calendar", "days between", "date arithmetic", "temporal reasoning", "time", "leap year", "duration", "counting days"],
        AnswerType.Number);

    /// <inheritdoc />
    public FamilySample Generate(ulong seed, Difficulty difficulty)
    {
        var rng = new DeterministicRandom(seed);
        var start = new DateOnly(1990, 1, 1).AddDays(rng.Next(365 * 45));
        int span = difficulty switch
        {
            Difficulty.Easy => rng.Between(3, 40),
            Difficulty.Medium => rng.Between(41, 365),
            _ => rng.Between(366, 365 * 4),
        };
        var end = start.AddDays(span);
        int story = rng.Next(Events.Length);
        string Date(DateOnly d) => d.ToString(DateFormat, CultureInfo.InvariantCulture);
        string text = $"According to the records, {Events[story]} on {Date(start)}, and {Ends[story]} on {Date(end)}.";
        if (difficulty == Difficulty.Hard)
        {
            var noise = start.AddDays(rng.Between(1, span - 1));
            text += $" A reminder email had been sent on {Date(noise)}.";
        }

        text += rng.Chance(0.5)
            ? "\n\nHow many days passed between the first date and the second date? Answer with a single number."
            : "\n\nHow many days after the first date did the second event happen? Answer with a single number.";
        return new FamilySample(text, ExpectedAnswer.Number(span));
    }

    /// <inheritdoc />
    public CheckResult Check(FamilySample sample)
    {
        ArgumentNullException.ThrowIfNull(sample);
        var match = Pair().Match(sample.Prompt);
        if (!match.Success
            || !DateOnly.TryParseExact(match.Groups["a"].Value, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var a)
            || !DateOnly.TryParseExact(match.Groups["b"].Value, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var b))
        {
            return CheckResult.Fail("dates not recognised");
        }

        // Through DateTime rather than DateOnly.DayNumber, a second route to the same count.
        int days = (int)(b.ToDateTime(TimeOnly.MinValue) - a.ToDateTime(TimeOnly.MinValue)).TotalDays;
        return days <= 0 ? CheckResult.Fail("dates out of order") : PromptText.CheckNumber(sample, days);
    }

    [GeneratedRegex(@"^According to the records, .+? on (?<a>\d{1,2} \w+ \d{4}), and .+? on (?<b>\d{1,2} \w+ \d{4})\.")]
    private static partial Regex Pair();
}
