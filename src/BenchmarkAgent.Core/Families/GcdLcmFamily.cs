using System.Text;
using System.Text.RegularExpressions;

namespace BenchmarkAgent.Families;

/// <summary>
/// Word problems that hide a greatest common divisor (cutting ribbons, packing identical bags, equal teams) or a
/// least common multiple (alarms, lighthouses, buses that coincide again). Hard items use three numbers and a distractor.
/// </summary>
internal sealed partial class GcdLcmFamily : ITaskFamily
{
    /// <inheritdoc />
    public TaskFamilyCard Card { get; } = new(
        "gcd-lcm",
        "GCD and LCM word problems",
        "Everyday stories that need the greatest common divisor (cutting ribbons into equal pieces, identical gift bags, equal teams) or the least common multiple (alarms, lighthouses or buses that coincide again) of two or three numbers.",
        "arithmetic",
        ["gcd", "lcm", "greatest common divisor", "least common multiple", "number theory", "divisibility", "factors", "multiples", "word problems", "periodic events"],
        AnswerType.Number);

    /// <inheritdoc />
    public FamilySample Generate(ulong seed, Difficulty difficulty)
    {
        var rng = new DeterministicRandom(seed);
        string who = rng.Pick(Lexicon.Names);
        string city = rng.Pick(Lexicon.Cities);
        int count = difficulty == Difficulty.Hard ? 3 : 2;
        bool lcm = rng.Chance(0.5);
        var numbers = new List<int>();
        int baseMax = difficulty switch { Difficulty.Easy => 6, Difficulty.Medium => 9, _ => 12 };
        int multMax = difficulty switch { Difficulty.Easy => 7, Difficulty.Medium => 9, _ => 10 };
        int g = rng.Between(2, lcm ? Math.Min(baseMax, 6) : baseMax + 3);
        while (numbers.Count < count)
        {
            int n = g * rng.Between(2, multMax);
            if (!numbers.Contains(n))
            {
                numbers.Add(n);
            }
        }

        long answer = lcm ? numbers.Aggregate(1L, (a, b) => a / Gcd(a, b) * b) : numbers.Aggregate(0L, (a, b) => Gcd(a, b));
        string list = PromptText.JoinAnd(numbers.Select(PromptText.Num).ToList());
        int scenario = rng.Next(3);
        string story;
        string question;
        if (lcm)
        {
            (story, question) = scenario switch
            {
                0 => ($"{who} watches lighthouses along the coast near {city}: they flash every {list} seconds respectively, and they have just flashed together.",
                      rng.Chance(0.5) ? "After how many seconds will they next all flash at the same moment?" : "How many seconds pass before they all flash together again?"),
                1 => ($"{who} set kitchen timers in a cafe in {city} that ring every {list} minutes, and all of them rang together just now.",
                      rng.Chance(0.5) ? "How many minutes from now will they next all ring together?" : "After how many minutes do all the timers ring at the same time again?"),
                _ => ($"Buses on different routes leave the {city} depot every {list} minutes, and {who} saw them all depart together at the start of the day.",
                      rng.Chance(0.5) ? "How many minutes later do they next all depart together?" : "After how many minutes will all the routes again depart at the same time?"),
            };
        }
        else
        {
            var objects = rng.Shuffle(Lexicon.Objects).Take(count).ToList();
            (story, question) = scenario switch
            {
                0 => ($"{who} from {city} has ribbons that are {list} cm long and wants to cut all of them into pieces of one common length with nothing left over.",
                      rng.Chance(0.5) ? "What is the longest possible length of one piece in cm?" : "How long, in cm, can the pieces be at most?"),
                1 => ($"{who} from {city} has {PromptText.JoinAnd(numbers.Select((n, i) => $"{PromptText.Num(n)} {objects[i]}").ToList())} to share out into identical gift bags, every bag with the same contents and nothing left over.",
                      rng.Chance(0.5) ? $"What is the largest number of gift bags {who} can make?" : $"At most how many identical bags can {who} fill?"),
                _ => ($"Classes in the school of {who} in {city} have {list} students, and each class is split into teams of one common size, with no mixing of classes and nobody left over.",
                      rng.Chance(0.5) ? "What is the largest possible team size?" : "How many students can each team have at most?"),
            };
        }

        var builder = new StringBuilder(story);
        if (difficulty == Difficulty.Hard || (difficulty == Difficulty.Medium && rng.Chance(0.5)))
        {
            builder.Append(rng.Next(3) switch
            {
                0 => $" {who} noticed this {rng.Between(2, 9)} days ago.",
                1 => $" The weather in {city} was {rng.Pick(new[] { "sunny", "rainy", "windy" })} that day.",
                _ => $" {who} is {rng.Between(12, 70)} years old.",
            });
        }

        builder.Append("\n\n").Append(question).Append(" Answer with a single number.");
        return new FamilySample(builder.ToString(), ExpectedAnswer.Number(answer));
    }

    /// <inheritdoc />
    public CheckResult Check(FamilySample sample)
    {
        ArgumentNullException.ThrowIfNull(sample);
        string[] parts = sample.Prompt.Split("\n\n");
        if (parts.Length != 2)
        {
            return CheckResult.Fail("expected a story and a question");
        }

        var multiple = Multiple().Match(parts[0]);
        var divisor = Divisor().Match(parts[0]);
        if (multiple.Success == divisor.Success)
        {
            return CheckResult.Fail("story not recognised");
        }

        var story = multiple.Success ? multiple : divisor;
        var numbers = Number().Matches(story.Groups["list"].Value).Select(m => (long)PromptText.ParseInt(m.Value)).ToList();
        if (numbers.Count < 2 || numbers.Contains(0))
        {
            return CheckResult.Fail("fewer than two numbers");
        }

        bool asksMultiple = MultipleQuestion().IsMatch(parts[1]);
        bool asksDivisor = DivisorQuestion().IsMatch(parts[1]);
        if (asksMultiple != multiple.Success || asksDivisor != divisor.Success)
        {
            return CheckResult.Fail("the question does not fit the story");
        }

        // Least common multiple by stepping through multiples of the largest number; greatest divisor by trial.
        long result;
        if (multiple.Success)
        {
            long max = numbers.Max();
            result = max;
            while (numbers.Exists(n => result % n != 0))
            {
                result += max;
            }
        }
        else
        {
            result = numbers.Min();
            while (numbers.Exists(n => n % result != 0))
            {
                result--;
            }
        }

        return PromptText.CheckNumber(sample, result);
    }

    private static long Gcd(long a, long b) => b == 0 ? a : Gcd(b, a % b);

    [GeneratedRegex(@"^(?:\w+ watches lighthouses along the coast near \w+: they flash every (?<list>[\d, and]+) seconds respectively, and they have just flashed together|\w+ set kitchen timers in a cafe in \w+ that ring every (?<list>[\d, and]+) minutes, and all of them rang together just now|Buses on different routes leave the \w+ depot every (?<list>[\d, and]+) minutes, and \w+ saw them all depart together at the start of the day)\.")]
    private static partial Regex Multiple();

    [GeneratedRegex(@"^(?:\w+ from \w+ has ribbons that are (?<list>[\d, and]+) cm long and wants to cut all of them into pieces of one common length with nothing left over|\w+ from \w+ has (?<list>[\w, ]+?) to share out into identical gift bags, every bag with the same contents and nothing left over|Classes in the school of \w+ in \w+ have (?<list>[\d, and]+) students, and each class is split into teams of one common size, with no mixing of classes and nobody left over)\.")]
    private static partial Regex Divisor();

    [GeneratedRegex(@"^(?:After how many seconds will they next all flash at the same moment\?|How many seconds pass before they all flash together again\?|How many minutes from now will they next all ring together\?|After how many minutes do all the timers ring at the same time again\?|How many minutes later do they next all depart together\?|After how many minutes will all the routes again depart at the same time\?) Answer with a single number\.$")]
    private static partial Regex MultipleQuestion();

    [GeneratedRegex(@"^(?:What is the longest possible length of one piece in cm\?|How long, in cm, can the pieces be at most\?|What is the largest number of gift bags \w+ can make\?|At most how many identical bags can \w+ fill\?|What is the largest possible team size\?|How many students can each team have at most\?) Answer with a single number\.$")]
    private static partial Regex DivisorQuestion();

    [GeneratedRegex(@"\d+")]
    private static partial Regex Number();
}
