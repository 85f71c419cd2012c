using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace BenchmarkAgent.Families;

/// <summary>
/// Given the weekday of an event, the model works out the weekday after one or more shifts
/// (days, weeks and days, postponements and moves earlier).
/// </summary>
internal sealed partial class WeekdayAfterDaysFamily : ITaskFamily
{
    private static readonly string[] Days = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
    private static readonly string[] Later = ["The next step came {0} later.", "The follow-up was {0} after that.", "A check was done {0} later.", "Another {0} passed before the next step."];
    private static readonly string[] Events = ["package shipped", "exhibition opened", "training camp started", "concert was announced", "repair was booked", "order was placed", "paint was applied", "letter was posted"];

    /// <inheritdoc />
    public TaskFamilyCard Card { get; } = new(
        "weekday-after-days",
        "Weekday after a number of days",
        "An event happens on a named weekday and is shifted by some days or weeks (several times at higher difficulty); the model names the resulting weekday.",
        "temporal",
        ["weekday", "day of the week", "calendar", "temporal reasoning", "date arithmetic", "modular arithmetic", "scheduling", "days later"],
        AnswerType.ShortText);

    /// <inheritdoc />
    public FamilySample Generate(ulong seed, Difficulty difficulty)
    {
        var rng = new DeterministicRandom(seed);
        string who = rng.Pick(Lexicon.Names);
        string ev = rng.Pick(Events);
        int startDay = rng.Next(7);

        // Anchor on a real calendar date with that weekday; 2024-01-01 was a Monday.
        var date = new DateOnly(2024, 1, 1).AddDays(startDay + (7 * rng.Next(200)));
        var builder = new StringBuilder($"{who}'s {ev} on a {Days[startDay]}.");
        int shifts = difficulty switch { Difficulty.Easy => 1, Difficulty.Medium => 2, _ => rng.Between(3, 4) };
        for (int i = 0; i < shifts; i++)
        {
            int kind = rng.Next(i == 0 ? 2 : 3);
            switch (kind)
            {
                case 0:
                    int n = rng.Between(2, difficulty == Difficulty.Easy ? 100 : 400);
                    builder.Append(' ').Append(string.Format(CultureInfo.InvariantCulture, rng.Pick(Later), $"{n} days"));
                    date = date.AddDays(n);
                    break;
                case 1:
                    int w = rng.Between(1, 12);
                    int d = rng.Between(1, 6);
                    builder.Append(' ').Append(string.Format(CultureInfo.InvariantCulture, rng.Pick(Later), $"{w} weeks and {d} days"));
                    date = date.AddDays((7 * w) + d);
                    break;
                default:
                    int back = rng.Between(1, 20);
                    builder.Append($" That step was then moved {back} days earlier.");
                    date = date.AddDays(-back);
                    break;
            }
        }

        builder.Append(rng.Chance(0.5) ? "\n\nOn what day of the week did the last step fall?" : "\n\nWhich weekday was the last step on?");
        builder.Append(" Answer with the weekday name only.");
        return new FamilySample(builder.ToString(), ExpectedAnswer.Text(date.DayOfWeek.ToString()));
    }

    /// <inheritdoc />
    public CheckResult Check(FamilySample sample)
    {
        ArgumentNullException.ThrowIfNull(sample);
        var start = Start().Match(sample.Prompt);
        if (!start.Success)
        {
            return CheckResult.Fail("starting weekday not found");
        }

        // Modular arithmetic on weekday indexes, independent of the generator's calendar dates.
        int day = Array.IndexOf(Days, start.Groups["day"].Value);
        foreach (Match shift in Shift().Matches(sample.Prompt))
        {
            int n = PromptText.ParseInt(shift.Groups["n"].Value);
            int delta = shift.Groups["w"].Success
                ? (7 * PromptText.ParseInt(shift.Groups["w"].Value)) + n
                : shift.Groups["back"].Success ? -n : n;
            day = (((day + delta) % 7) + 7) % 7;
        }

        return PromptText.CheckText(sample, Days[day]);
    }

    [GeneratedRegex(@"^\w+'s [\w ]+? on a (?<day>\w+day)\.")]
    private static partial Regex Start();

    [GeneratedRegex(@"(?:(?:The next step came|The follow-up was|A check was done|Another) (?:(?<w>\d+) weeks and )?(?<n>\d+) days (?:later|after that|passed before the next step)|That step was then moved (?<n>\d+) days (?<back>earlier))\.")]
    private static partial Regex Shift();
}
