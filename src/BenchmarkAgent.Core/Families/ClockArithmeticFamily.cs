using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace BenchmarkAgent.Families;

/// <summary>
/// A journey of one or more legs with waits between them starts at a clock time; the model gives the
/// arrival time on a 24-hour clock, possibly past midnight.
/// </summary>
internal sealed partial class ClockArithmeticFamily : ITaskFamily
{
    private static readonly string[] Vehicles = ["train", "bus", "ferry", "coach", "tram", "flight"];
    private static readonly string[] Places = ["Riverside", "Hillcrest", "Old Town", "the harbour", "the airport", "Northgate", "the museum", "Lakeview"];

    /// <inheritdoc />
    public TaskFamilyCard Card { get; } = new(
        "clock-arithmetic",
        "Clock time arithmetic",
        "A trip departs at a clock time and consists of legs and waits given in hours and minutes; the model gives the arrival time in 24-hour HH:MM format, wrapping past midnight.",
        "temporal",
        ["time", "clock", "hours and minutes", "schedule", "timetable", "travel time", "temporal reasoning", "24-hour clock", "duration", "arrival time"],
        AnswerType.ShortText);

    /// <inheritdoc />
    public FamilySample Generate(ulong seed, Difficulty difficulty)
    {
        var rng = new DeterministicRandom(seed);
        var time = new TimeOnly(rng.Between(0, 23), rng.Between(0, 11) * 5);
        string who = rng.Pick(Lexicon.Names);
        int legs = difficulty switch { Difficulty.Easy => 1, Difficulty.Medium => 2, _ => rng.Between(3, 4) };
        var places = rng.Shuffle(Places);
        var builder = new StringBuilder($"{who} leaves {places[0]} at {time.ToString("HH:mm", CultureInfo.InvariantCulture)}.");
        for (int i = 0; i < legs; i++)
        {
            if (i > 0)
            {
                int wait = rng.Between(5, 95);
                builder.Append($" At {places[i]} there is a wait of {wait} minutes.");
                time = time.AddMinutes(wait);
            }

            int h = rng.Between(0, difficulty == Difficulty.Easy ? 3 : 7);
            int m = rng.Between(h == 0 ? 10 : 0, 59);
            builder.Append($" The {rng.Pick(Vehicles)} to {places[i + 1]} takes {h} hours and {m} minutes.");
            time = time.Add(new TimeSpan(h, m, 0));
        }

        if (difficulty == Difficulty.Hard)
        {
            builder.Append($" The return ticket is valid for {rng.Between(2, 30)} days.");
        }

        builder.Append($"\n\nAt what time does {who} reach {places[legs]}? Answer in 24-hour HH:MM format.");
        return new FamilySample(builder.ToString(), ExpectedAnswer.Text(time.ToString("HH:mm", CultureInfo.InvariantCulture)));
    }

    /// <inheritdoc />
    public CheckResult Check(FamilySample sample)
    {
        ArgumentNullException.ThrowIfNull(sample);
        var start = Start().Match(sample.Prompt);
        if (!start.Success)
        {
            return CheckResult.Fail("departure time not found");
        }

        // Plain minutes modulo one day, instead of the generator's TimeOnly arithmetic.
        int minutes = (PromptText.ParseInt(start.Groups["h"].Value) * 60) + PromptText.ParseInt(start.Groups["m"].Value);
        foreach (Match step in Step().Matches(sample.Prompt))
        {
            minutes += step.Groups["wait"].Success
                ? PromptText.ParseInt(step.Groups["wait"].Value)
                : (PromptText.ParseInt(step.Groups["h"].Value) * 60) + PromptText.ParseInt(step.Groups["m"].Value);
        }

        minutes %= 24 * 60;
        return PromptText.CheckText(sample, $"{minutes / 60:00}:{minutes % 60:00}");
    }

    [GeneratedRegex(@"^\w+ leaves [\w ]+ at (?<h>\d{2}):(?<m>\d{2})\.")]
    private static partial Regex Start();

    [GeneratedRegex(@"(?:there is a wait of (?<wait>\d+) minutes|takes (?<h>\d+) hours and (?<m>\d+) minutes)\.")]
    private static partial Regex Step();
}
