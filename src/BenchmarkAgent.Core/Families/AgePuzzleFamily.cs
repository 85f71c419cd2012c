using System.Text;
using System.Text.RegularExpressions;

namespace BenchmarkAgent.Families;

/// <summary>
/// Age word problems: stated ages, age differences, multiples ("twice as old"), sums and time-shifted
/// multiples ("in 4 years ... will be three times as old") that pin down everyone's age; the model gives one age.
/// </summary>
internal sealed partial class AgePuzzleFamily : ITaskFamily
{
    private static readonly string[] Multiples = ["once", "twice", "three times", "four times"];

    /// <inheritdoc />
    public TaskFamilyCard Card { get; } = new(
        "age-puzzle",
        "Age puzzles",
        "Classic age word problems: ages linked by differences, multiples, sums and past or future multiples; the model works out one person's age now, in some years or some years ago.",
        "arithmetic",
        ["age problems", "word problems", "algebra", "linear equations", "arithmetic", "math", "reasoning", "system of equations", "how old"],
        AnswerType.Number);

    /// <inheritdoc />
    public FamilySample Generate(ulong seed, Difficulty difficulty)
    {
        var rng = new DeterministicRandom(seed);
        var names = rng.Shuffle(Lexicon.Names).Take(4).ToList();
        var facts = new List<string>();
        int[] age = new int[3];
        int asked;
        switch (difficulty)
        {
            case Difficulty.Easy:
                age[0] = rng.Between(6, 50);
                facts.Add($"{names[0]} is {age[0]} years old.");
                facts.Add(Relate(rng, names, age, 1, 0, allowTimes: age[0] <= 30));
                asked = 1;
                break;
            case Difficulty.Medium:
                age[0] = rng.Between(6, 40);
                facts.Add($"{names[0]} is {age[0]} years old.");
                facts.Add(Relate(rng, names, age, 1, 0, allowTimes: age[0] <= 25));
                if (rng.Chance(0.5))
                {
                    age[2] = rng.Between(3, 70);
                    facts.Add($"The ages of {names[1]} and {names[2]} add up to {age[1] + age[2]}.");
                }
                else
                {
                    facts.Add(Relate(rng, names, age, 2, 1, allowTimes: false));
                }

                asked = 2;
                break;
            default:
                // Two facts about the first pair determine both ages; a third person hangs off the second.
                int k, t;
                bool future;
                do
                {
                    k = rng.Between(2, 4);
                    t = rng.Between(2, 9);
                    age[1] = rng.Between(t + 1, 25);
                    future = rng.Chance(0.5);
                    age[0] = future ? (k * (age[1] + t)) - t : (k * (age[1] - t)) + t;
                }
                while (age[0] > 90);
                facts.Add(future
                    ? $"In {t} years, {names[0]} will be {Multiples[k - 1]} as old as {names[1]}."
                    : $"{t} years ago, {names[0]} was {Multiples[k - 1]} as old as {names[1]}.");
                facts.Add(rng.Chance(0.5)
                    ? $"The ages of {names[0]} and {names[1]} add up to {age[0] + age[1]}."
                    : $"{names[0]} is {age[0] - age[1]} years older than {names[1]}.");
                facts.Add(Relate(rng, names, age, 2, rng.Next(2), allowTimes: false));
                asked = rng.Next(3);
                break;
        }

        if (difficulty != Difficulty.Easy)
        {
            string distractor = rng.Chance(0.5)
                ? $"{names[3]} has a dog that is {rng.Between(2, 14)} years old."
                : $"{names[rng.Next(3)]} moved house {rng.Between(2, 12)} years ago.";
            facts.Insert(rng.Between(1, facts.Count), distractor);
        }

        int shift = rng.Between(2, 12);
        int when = rng.Next(3);
        if (when == 2 && age[asked] - shift < 1)
        {
            when = 0;
        }

        (string question, int answer) = when switch
        {
            0 => ($"How old is {names[asked]} now?", age[asked]),
            1 => ($"How old will {names[asked]} be in {shift} years?", age[asked] + shift),
            _ => ($"How old was {names[asked]} {shift} years ago?", age[asked] - shift),
        };

        var builder = new StringBuilder().AppendJoin(' ', facts).Append("\n\n").Append(question).Append(" Answer with a single number.");
        return new FamilySample(builder.ToString(), ExpectedAnswer.Number(answer));
    }

    /// <inheritdoc />
    public CheckResult Check(FamilySample sample)
    {
        ArgumentNullException.ThrowIfNull(sample);
        string[] parts = sample.Prompt.Split("\n\n");
        if (parts.Length != 2)
        {
            return CheckResult.Fail("expected facts and a question");
        }

        // Every fact is linear: Ca*age(A) + Cb*age(B) == Rhs, with age(B) >= MinB for facts about the past.
        var people = new List<string>();
        int Person(string name)
        {
            int i = people.IndexOf(name);
            if (i < 0)
            {
                people.Add(name);
                i = people.Count - 1;
            }

            return i;
        }

        var constraints = new List<(int A, int B, int Ca, int Cb, int Rhs, int MinB)>();
        foreach (string raw in parts[0].Split(". "))
        {
            string s = raw.TrimEnd('.');
            if (Stated().Match(s) is { Success: true } st)
            {
                constraints.Add((Person(st.Groups["a"].Value), -1, 1, 0, PromptText.ParseInt(st.Groups["n"].Value), 0));
            }
            else if (Difference().Match(s) is { Success: true } df)
            {
                int d = PromptText.ParseInt(df.Groups["d"].Value) * (df.Groups["dir"].Value == "older" ? 1 : -1);
                constraints.Add((Person(df.Groups["a"].Value), Person(df.Groups["b"].Value), 1, -1, d, 0));
            }
            else if (Times().Match(s) is { Success: true } tm)
            {
                // a + s = k (b + s)  <=>  a - k b = (k - 1) s, where s is the signed shift in years.
                int k = Factor(tm.Groups["k"].Value);
                int shift = (tm.Groups["t"].Success ? PromptText.ParseInt(tm.Groups["t"].Value) : 0) * (tm.Groups["ago"].Success ? -1 : 1);
                constraints.Add((Person(tm.Groups["a"].Value), Person(tm.Groups["b"].Value), 1, -k, (k - 1) * shift, 1 - shift));
            }
            else if (Sum().Match(s) is { Success: true } sm)
            {
                constraints.Add((Person(sm.Groups["a"].Value), Person(sm.Groups["b"].Value), 1, 1, PromptText.ParseInt(sm.Groups["s"].Value), 0));
            }
        }

        var question = Question().Match(parts[1]);
        if (!question.Success || constraints.Count == 0)
        {
            return CheckResult.Fail("question or facts not recognised");
        }

        // Depth-first search over ages 1..120, testing each fact as soon as everyone it names has an age.
        var solutions = new List<int[]>();
        int[] ages = new int[people.Count];
        void Search(int level)
        {
            if (level == people.Count)
            {
                solutions.Add((int[])ages.Clone());
                return;
            }

            var due = constraints.FindAll(c => Math.Max(c.A, c.B) == level);
            for (int candidate = 1; candidate <= 120 && solutions.Count < 2; candidate++)
            {
                ages[level] = candidate;
                if (due.TrueForAll(c => (c.Ca * ages[c.A]) + (c.B < 0 ? 0 : c.Cb * ages[c.B]) == c.Rhs && (c.B < 0 || ages[c.B] >= c.MinB)))
                {
                    Search(level + 1);
                }
            }
        }

        Search(0);
        if (solutions.Count != 1)
        {
            return CheckResult.Fail($"{solutions.Count} solutions instead of one");
        }

        int asked = people.IndexOf(question.Groups["p"].Value);
        if (asked < 0)
        {
            return CheckResult.Fail("the asked person is not constrained");
        }

        int now = solutions[0][asked];

        int offset = question.Groups["in"].Success ? PromptText.ParseInt(question.Groups["in"].Value)
            : question.Groups["ago"].Success ? -PromptText.ParseInt(question.Groups["ago"].Value) : 0;
        return PromptText.CheckNumber(sample, now + offset);
    }

    // Adds a fact relating person `who` to the already-aged person `to`, and sets age[who].
    private static string Relate(DeterministicRandom rng, List<string> names, int[] age, int who, int to, bool allowTimes)
    {
        int kind = rng.Next(allowTimes ? 3 : 2);
        if (kind == 2)
        {
            if (age[to] % 2 == 0 && rng.Chance(0.5))
            {
                age[who] = age[to] / 2;
                return $"{names[to]} is twice as old as {names[who]}.";
            }

            int k = rng.Between(2, 3);
            age[who] = age[to] * k;
            return $"{names[who]} is {Multiples[k - 1]} as old as {names[to]}.";
        }

        int d = rng.Between(2, 15);
        if (kind == 1 && age[to] - d >= 1)
        {
            age[who] = age[to] - d;
            return rng.Chance(0.5) ? $"{names[who]} is {d} years younger than {names[to]}." : $"{names[to]} is {d} years older than {names[who]}.";
        }

        age[who] = age[to] + d;
        return rng.Chance(0.5) ? $"{names[who]} is {d} years older than {names[to]}." : $"{names[to]} is {d} years younger than {names[who]}.";
    }

    private static int Factor(string word) => word switch
    {
        "twice" => 2,
        "three times" => 3,
        "four times" => 4,
        _ => 1,
    };

    [GeneratedRegex(@"^(?<a>\w+) is (?<n>\d+) years old$")]
    private static partial Regex Stated();

    [GeneratedRegex(@"^(?<a>\w+) is (?<d>\d+) years (?<dir>older|younger) than (?<b>\w+)$")]
    private static partial Regex Difference();

    [GeneratedRegex(@"^(?:In (?<t>\d+) years, (?<a>\w+) will be|(?<t>\d+)(?<ago>) years ago, (?<a>\w+) was|(?<a>\w+) is) (?<k>twice|three times|four times) as old as (?<b>\w+)$")]
    private static partial Regex Times();

    [GeneratedRegex(@"^The ages of (?<a>\w+) and (?<b>\w+) add up to (?<s>\d+)$")]
    private static partial Regex Sum();

    [GeneratedRegex(@"^How old (?:is (?<p>\w+) now|will (?<p>\w+) be in (?<in>\d+) years|was (?<p>\w+) (?<ago>\d+) years ago)\? Answer with a single number\.$")]
    private static partial Regex Question();
}
