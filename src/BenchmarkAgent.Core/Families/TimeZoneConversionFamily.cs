using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace BenchmarkAgent.Families;

/// <summary>
/// Converts a local time between invented places with stated UTC offsets: a plain conversion at Easy, a
/// meeting with a duration at Medium, and a two-leg trip with a layover and half- or quarter-hour offsets at Hard.
/// </summary>
internal sealed partial class TimeZoneConversionFamily : ITaskFamily
{
    private static readonly string[] Places =
    [
        "Valdoria", "Kestrel", "Mirsk", "Ansel", "Tarrow", "Eskeby", "Lunmoor", "Quessa", "Okaro", "Brindle",
        "Corvale", "Dunhallow",
    ];

    private static readonly int[] OddOffsets = [330, 345, 570, -210, -570, 630, 525, 270];

    private const string Assumption = "Assume fixed offsets from UTC and no daylight saving time.";

    /// <inheritdoc />
    public TaskFamilyCard Card { get; } = new(
        "time-zone-conversion",
        "Time zone conversion",
        "Local times are converted between invented places with stated UTC offsets, including meetings with durations and two-leg trips with layovers and half-hour offsets; the answer is a 24-hour HH:MM time.",
        "temporal",
        ["time zones", "utc offset", "time conversion", "clock", "travel time", "flight arrival", "temporal reasoning", "scheduling", "24-hour time"],
        AnswerType.ShortText);

    /// <inheritdoc />
    public FamilySample Generate(ulong seed, Difficulty difficulty)
    {
        var rng = new DeterministicRandom(seed);
        var places = rng.Shuffle(Places).Take(3).ToList();
        int Offset() => difficulty == Difficulty.Hard && rng.Chance(0.5) ? rng.Pick(OddOffsets) : rng.Between(-10, 12) * 60;
        int from = Offset(), to = Offset(), via = Offset();
        while (to == from)
        {
            to = Offset();
        }

        int start = difficulty == Difficulty.Easy ? rng.Between(0, 95) * 15 : rng.Between(0, 1439);
        var builder = new StringBuilder(Assumption).Append(' ');
        int elapsed = 0;
        switch (difficulty)
        {
            case Difficulty.Easy:
                builder.Append($"When it is {Clock(start)} in {places[0]} ({Utc(from)}), what time is it in {places[1]} ({Utc(to)})?");
                break;
            case Difficulty.Medium:
                elapsed = rng.Between(20, 600);
                builder.Append(rng.Chance(0.5)
                    ? $"A video call starts at {Clock(start)} local time in {places[0]} ({Utc(from)}) and lasts {Span(elapsed)}. What is the local time in {places[1]} ({Utc(to)}) when the call ends?"
                    : $"A parcel leaves {places[0]} ({Utc(from)}) at {Clock(start)} local time and is delivered {Span(elapsed)} later in {places[1]} ({Utc(to)}). What is the local time in {places[1]} at delivery?");
                break;
            default:
                int first = rng.Between(45, 600), wait = rng.Between(30, 240), second = rng.Between(45, 720);
                elapsed = first + wait + second;
                builder.Append($"A traveller leaves {places[0]} ({Utc(from)}) at {Clock(start)} local time. ");
                builder.Append($"The first flight, to {places[2]} ({Utc(via)}), takes {Span(first)}. ");
                builder.Append($"After a layover of {Span(wait)}, the second flight to {places[1]} ({Utc(to)}) takes {Span(second)}. ");
                builder.Append($"What is the local time in {places[1]} when the traveller lands?");
                break;
        }

        builder.Append(" Answer in 24-hour HH:MM format.");
        int arrival = ((start + elapsed - from + to) % 1440 + 1440) % 1440;
        return new FamilySample(builder.ToString(), ExpectedAnswer.Text(Clock(arrival)));
    }

    /// <inheritdoc />
    public CheckResult Check(FamilySample sample)
    {
        ArgumentNullException.ThrowIfNull(sample);
        var offsets = new Dictionary<string, TimeSpan>(StringComparer.Ordinal);
        string? origin = null;
        foreach (Match m in PlaceOffset().Matches(sample.Prompt))
        {
            var span = TimeSpan.ParseExact(m.Groups["hm"].Value, @"hh\:mm", CultureInfo.InvariantCulture);
            offsets[m.Groups["place"].Value] = m.Groups["sign"].Value == "-" ? span.Negate() : span;
            origin ??= m.Groups["place"].Value;
        }

        var startMatch = StartTime().Match(sample.Prompt);
        var target = Target().Match(sample.Prompt);
        if (origin is null || !startMatch.Success || !target.Success || !offsets.TryGetValue(target.Groups["place"].Value, out var targetOffset))
        {
            return CheckResult.Fail("places, start time or question not recognised");
        }

        // Convert through UTC with DateTime arithmetic rather than minute counts.
        var local = new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Unspecified) + TimeSpan.ParseExact(startMatch.Groups["t"].Value, @"hh\:mm", CultureInfo.InvariantCulture);
        foreach (Match d in Duration().Matches(sample.Prompt))
        {
            local = local.AddHours(PromptText.ParseInt(d.Groups["h"].Value)).AddMinutes(PromptText.ParseInt(d.Groups["m"].Value));
        }

        var utc = local - offsets[origin];
        var there = utc + targetOffset;
        return PromptText.CheckText(sample, there.ToString("HH:mm", CultureInfo.InvariantCulture));
    }

    private static string Clock(int minutes) => string.Create(CultureInfo.InvariantCulture, $"{minutes / 60:00}:{minutes % 60:00}");

    private static string Utc(int offset) => $"UTC{(offset < 0 ? '-' : '+')}{Clock(Math.Abs(offset))}";

    private static string Span(int minutes) => string.Create(CultureInfo.InvariantCulture, $"{minutes / 60} h {minutes % 60} min");

    [GeneratedRegex(@"(?<place>[A-Z]\w+) \(UTC(?<sign>[+-])(?<hm>\d\d:\d\d)\)")]
    private static partial Regex PlaceOffset();

    [GeneratedRegex(@"(?:When it is|starts at|at) (?<t>\d\d:\d\d)(?: local time)?")]
    private static partial Regex StartTime();

    [GeneratedRegex(@"(?:what time is it in|What is the local time in) (?<place>\w+)")]
    private static partial Regex Target();

    [GeneratedRegex(@"(?<h>\d+) h (?<m>\d+) min")]
    private static partial Regex Duration();
}
