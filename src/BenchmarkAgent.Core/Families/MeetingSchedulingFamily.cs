using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace BenchmarkAgent.Families;

/// <summary>
/// Calendar scheduling: each person's busy periods in a working day and a meeting length; the answer is the earliest
/// start time at which everybody is free for the whole meeting. Harder items have more people, periods and a lunch break.
/// </summary>
internal sealed partial class MeetingSchedulingFamily : ITaskFamily
{
    private const int DayStart = 9 * 60;
    private const int DayEnd = 17 * 60;
    private static readonly string[] Days = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"];

    /// <inheritdoc />
    public TaskFamilyCard Card { get; } = new(
        "meeting-scheduling",
        "Meeting scheduling",
        "Several people's busy periods during a working day and a meeting length; the answer is the earliest start time (HH:MM) at which all of them are free for the whole meeting. Harder items add people, busy periods and a shared lunch break.",
        "temporal",
        ["scheduling", "calendar", "meetings", "free slot", "availability", "interval overlap", "time", "planning", "agenda", "time slots"],
        AnswerType.ShortText);

    /// <inheritdoc />
    public FamilySample Generate(ulong seed, Difficulty difficulty)
    {
        var rng = new DeterministicRandom(seed);
        (int peopleCount, int minBlocks, int maxBlocks) = difficulty switch { Difficulty.Easy => (2, 1, 2), Difficulty.Medium => (3, 1, 2), _ => (4, 2, 3) };
        var people = rng.Shuffle(Lexicon.Names).Take(peopleCount).ToList();
        string day = rng.Pick(Days);
        bool lunch = difficulty == Difficulty.Hard;
        while (true)
        {
            int duration = difficulty switch { Difficulty.Easy => 30, Difficulty.Medium => rng.Between(2, 4) * 15, _ => rng.Between(3, 6) * 15 };
            var busy = new List<List<(int From, int To)>>();
            foreach (string _ in people)
            {
                var blocks = new List<(int From, int To)>();
                int count = rng.Between(minBlocks, maxBlocks);
                for (int attempt = 0; attempt < 20 && blocks.Count < count; attempt++)
                {
                    int from = DayStart + (rng.Between(0, 28) * 15);
                    int to = Math.Min(DayEnd, from + (rng.Between(2, 8) * 15));
                    if (!blocks.Exists(b => from < b.To + 15 && b.From < to + 15))
                    {
                        blocks.Add((from, to));
                    }
                }

                blocks.Sort();
                busy.Add(blocks);
            }

            var all = busy.SelectMany(b => b).ToList();
            if (lunch)
            {
                all.Add((12 * 60, 13 * 60));
            }

            // The earliest start is the day's start or the end of some busy period.
            int? start = all.Select(b => b.To).Prepend(DayStart).Order()
                .Cast<int?>()
                .FirstOrDefault(s => s + duration <= DayEnd && !all.Exists(b => s < b.To && b.From < s + duration));
            if (start is null || start == DayStart)
            {
                continue;
            }

            var builder = new StringBuilder();
            string others = PromptText.JoinAnd(people.Skip(1).ToList());
            builder.Append(rng.Next(3) switch
            {
                0 => $"{people[0]} wants to set up a {duration}-minute meeting with {others} on {day}.",
                1 => $"On {day}, {PromptText.JoinAnd(people)} need to meet for {duration} minutes.",
                _ => $"A {duration}-minute call between {PromptText.JoinAnd(people)} has to fit into {day}.",
            });
            builder.Append(" The meeting must start no earlier than 09:00 and end no later than 17:00, and it may start exactly when a busy period ends.");
            if (lunch)
            {
                builder.Append(" Nobody meets during the lunch break from 12:00 to 13:00.");
            }

            builder.Append('\n');
            bool fromTo = rng.Chance(0.5);
            for (int i = 0; i < people.Count; i++)
            {
                var periods = busy[i].Select(b => fromTo ? $"from {Clock(b.From)} to {Clock(b.To)}" : $"{Clock(b.From)}-{Clock(b.To)}").ToList();
                builder.Append(fromTo
                    ? $"- {people[i]} has appointments {PromptText.JoinAnd(periods)}."
                    : $"- {people[i]} is busy {PromptText.JoinAnd(periods)}.").Append('\n');
            }

            builder.Append('\n').Append(rng.Chance(0.5)
                ? "What is the earliest time the meeting can start?"
                : "When is the earliest possible start of the meeting?");
            builder.Append(" Answer with the time in HH:MM format (24-hour clock).");
            return new FamilySample(builder.ToString(), ExpectedAnswer.Text(Clock(start.Value)));
        }
    }

    /// <inheritdoc />
    public CheckResult Check(FamilySample sample)
    {
        ArgumentNullException.ThrowIfNull(sample);
        string[] blocks = sample.Prompt.Split("\n\n");
        if (blocks.Length != 2 || !Question().IsMatch(blocks[1]))
        {
            return CheckResult.Fail("expected calendars and a question");
        }

        string[] lines = blocks[0].Split('\n');
        var intro = Intro().Match(lines[0]);
        if (!intro.Success)
        {
            return CheckResult.Fail("intro not recognised");
        }

        int duration = PromptText.ParseInt(intro.Groups["d"].Value);
        var taken = new bool[24 * 60];
        if (intro.Groups["lunch"].Success)
        {
            Array.Fill(taken, true, 12 * 60, 60);
        }

        foreach (string line in lines.Skip(1))
        {
            if (!Person().IsMatch(line))
            {
                return CheckResult.Fail($"calendar line not understood: {line}");
            }

            foreach (Match period in Period().Matches(line))
            {
                int from = Minutes(period.Groups["f"].Value);
                int to = Minutes(period.Groups["t"].Value);
                if (to <= from)
                {
                    return CheckResult.Fail($"empty busy period in: {line}");
                }

                Array.Fill(taken, true, from, to - from);
            }
        }

        // Minute-by-minute scan of the working day.
        for (int s = 9 * 60; s + duration <= 17 * 60; s++)
        {
            if (!taken.AsSpan(s, duration).Contains(true))
            {
                return PromptText.CheckText(sample, string.Create(CultureInfo.InvariantCulture, $"{s / 60:D2}:{s % 60:D2}"));
            }
        }

        return CheckResult.Fail("the meeting fits nowhere");
    }

    private static string Clock(int minutes) => string.Create(CultureInfo.InvariantCulture, $"{minutes / 60:00}:{minutes % 60:00}");

    private static int Minutes(string clock) => (PromptText.ParseInt(clock[..2]) * 60) + PromptText.ParseInt(clock[3..]);

    [GeneratedRegex(@"^(?:\w+ wants to set up a (?<d>\d+)-minute meeting with [\w, ]+ on \w+\.|On \w+, [\w, ]+ need to meet for (?<d>\d+) minutes\.|A (?<d>\d+)-minute call between [\w, ]+ has to fit into \w+\.) The meeting must start no earlier than 09:00 and end no later than 17:00, and it may start exactly when a busy period ends\.(?<lunch> Nobody meets during the lunch break from 12:00 to 13:00\.)?$")]
    private static partial Regex Intro();

    [GeneratedRegex(@"^- \w+ (?:has appointments|is busy) [\d:, andfromto-]+\.$")]
    private static partial Regex Person();

    [GeneratedRegex(@"(?:from )?(?<f>\d\d:\d\d)(?: to |-)(?<t>\d\d:\d\d)")]
    private static partial Regex Period();

    [GeneratedRegex(@"^(?:What is the earliest time the meeting can start\?|When is the earliest possible start of the meeting\?) Answer with the time in HH:MM format \(24-hour clock\)\.$")]
    private static partial Regex Question();
}
