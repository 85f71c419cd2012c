using System.Text;
using System.Text.RegularExpressions;

namespace BenchmarkAgent.Families;

/// <summary>
/// Quantifiers and negation over a small, fully described set: club members and the activities each takes part in,
/// then statements with every, some, no, not every, both and exactly, of which exactly one is true.
/// </summary>
internal sealed partial class QuantifierLogicFamily : ITaskFamily
{
    private static readonly string[] Activities = ["chess", "judo", "yoga", "choir", "drama", "rowing", "robotics", "debate", "pottery", "archery"];

    private enum Kind
    {
        Every,
        Some,
        None,
        NotEvery,
        EveryWho,
        Both,
        NoneBoth,
        Exactly,
    }

    /// <inheritdoc />
    public TaskFamilyCard Card { get; } = new(
        "quantifier-logic",
        "Quantifiers and negation over a described set",
        "A club's members and the activities each takes part in, followed by statements using every, some, no, not every, both and exactly; the model picks the only true statement. Harder items have more members, activities and compound statements.",
        "logic",
        ["quantifiers", "negation", "all some none", "logic", "model checking", "set reasoning", "truth evaluation", "first-order logic", "every", "reasoning"],
        AnswerType.Choice);

    /// <inheritdoc />
    public FamilySample Generate(ulong seed, Difficulty difficulty)
    {
        var rng = new DeterministicRandom(seed);
        string city = rng.Pick(Lexicon.Cities);
        (int members, int activityCount, int options, int kinds) = difficulty switch
        {
            Difficulty.Easy => (3, 2, 3, 4),
            Difficulty.Medium => (4, 3, 4, 7),
            _ => (rng.Between(5, 6), 4, 5, 8),
        };

        var names = rng.Shuffle(Lexicon.Names).Take(members).ToList();
        var activities = rng.Shuffle(Activities).Take(activityCount).ToList();
        var doing = names.ToDictionary(n => n, _ => activities.Where(_ => rng.Chance(0.5)).ToList(), StringComparer.Ordinal);

        var truths = new List<string>();
        var falsehoods = new List<string>();
        for (int attempt = 0; attempt < 200 && (truths.Count == 0 || falsehoods.Count < options - 1); attempt++)
        {
            var kind = (Kind)rng.Next(kinds);
            string a = rng.Pick(activities);
            string b = rng.Pick(activities.Where(x => x != a).ToList());
            if (kind is Kind.Both or Kind.NoneBoth && string.CompareOrdinal(a, b) > 0)
            {
                // "both a and b" and "both b and a" say the same; one spelling keeps options from repeating a claim.
                (a, b) = (b, a);
            }

            int withA = names.Count(n => doing[n].Contains(a));
            int withBoth = names.Count(n => doing[n].Contains(a) && doing[n].Contains(b));
            int k = rng.Between(Math.Max(1, withA - 1), Math.Min(members, withA + 1));
            (string text, bool truth) = kind switch
            {
                Kind.Every => ($"Every member takes part in {a}.", withA == members),
                Kind.Some => ($"At least one member takes part in {a}.", withA > 0),
                Kind.None => ($"No member takes part in {a}.", withA == 0),
                Kind.NotEvery => ($"Not every member takes part in {a}.", withA < members),
                Kind.EveryWho => ($"Every member who takes part in {a} also takes part in {b}.", withA == withBoth),
                Kind.Both => ($"Some member takes part in both {a} and {b}.", withBoth > 0),
                Kind.NoneBoth => ($"No member takes part in both {a} and {b}.", withBoth == 0),
                _ => (k == 1 ? $"Exactly one member takes part in {a}." : $"Exactly {k} members take part in {a}.", withA == k),
            };
            if (kind == Kind.EveryWho && withA == 0)
            {
                continue;
            }

            if (!truths.Contains(text) && !falsehoods.Contains(text))
            {
                (truth ? truths : falsehoods).Add(text);
            }
        }

        if (truths.Count == 0 || falsehoods.Count < options - 1)
        {
            return Generate(seed ^ 0x5DEECE66DUL, difficulty);
        }

        var builder = new StringBuilder();
        builder.Append(rng.Chance(0.5)
            ? $"A youth club in {city} has exactly {members} members, and these are all the activities they take part in:"
            : $"These are the only {members} members of a club in {city}, with every activity each of them takes part in:");
        builder.Append('\n');
        foreach (string name in names)
        {
            builder.Append(doing[name].Count == 0
                ? $"- {name} takes part in no activity."
                : $"- {name} takes part in {PromptText.JoinAnd(doing[name])}.").Append('\n');
        }

        builder.Append('\n').Append(rng.Chance(0.5) ? "Which statement is true?" : "Exactly one of these statements is true. Which one?");
        return PromptText.ChoiceSample(rng, builder.ToString(), rng.Pick(truths), rng.Shuffle(falsehoods).Take(options - 1).ToList());
    }

    /// <inheritdoc />
    public CheckResult Check(FamilySample sample)
    {
        ArgumentNullException.ThrowIfNull(sample);
        string[] blocks = sample.Prompt.Split("\n\n");
        string[] lines = blocks[0].Split('\n');
        var intro = Intro().Match(lines[0]);
        if (!intro.Success || lines.Length - 1 != PromptText.ParseInt(intro.Groups["n"].Value))
        {
            return CheckResult.Fail("the member list does not have the announced size");
        }

        var members = new List<HashSet<string>>();
        foreach (string line in lines.Skip(1))
        {
            var m = Member().Match(line);
            if (!m.Success)
            {
                return CheckResult.Fail($"member line not understood: {line}");
            }

            members.Add(m.Groups["none"].Success
                ? []
                : [.. m.Groups["list"].Value.Replace(" and ", ", ", StringComparison.Ordinal).Split(", ")]);
        }

        var verdicts = new List<(string Option, bool True)>();
        foreach (string option in sample.Choices)
        {
            bool? truth = Evaluate(option, members);
            if (truth is null)
            {
                return CheckResult.Fail($"statement not understood: {option}");
            }

            verdicts.Add((option, truth.Value));
        }

        var trueOnes = verdicts.Where(v => v.True).ToList();
        return trueOnes.Count == 1
            ? PromptText.CheckChoice(sample, trueOnes[0].Option)
            : CheckResult.Fail($"{trueOnes.Count} statements are true");
    }

    private static bool? Evaluate(string statement, List<HashSet<string>> members)
    {
        var s = Statement().Match(statement);
        if (!s.Success)
        {
            return null;
        }

        var g = s.Groups;
        string a = g["a"].Value;
        string b = g["b"].Value;
        return true switch
        {
            _ when g["every"].Success => members.TrueForAll(m => m.Contains(a)),
            _ when g["some"].Success => members.Exists(m => m.Contains(a)),
            _ when g["none"].Success => !members.Exists(m => m.Contains(a)),
            _ when g["notevery"].Success => !members.TrueForAll(m => m.Contains(a)),
            _ when g["everywho"].Success => members.Where(m => m.Contains(a)).All(m => m.Contains(b)),
            _ when g["both"].Success => members.Exists(m => m.Contains(a) && m.Contains(b)),
            _ when g["noneboth"].Success => !members.Exists(m => m.Contains(a) && m.Contains(b)),
            _ => members.Count(m => m.Contains(a)) == (g["k"].Value == "one" ? 1 : PromptText.ParseInt(g["k"].Value)),
        };
    }

    [GeneratedRegex(@"^(?:A youth club in \w+ has exactly (?<n>\d+) members, and these are all the activities they take part in:|These are the only (?<n>\d+) members of a club in \w+, with every activity each of them takes part in:)$")]
    private static partial Regex Intro();

    [GeneratedRegex(@"^- \w+ takes part in (?:(?<none>no activity)|(?<list>[\w, ]+))\.$")]
    private static partial Regex Member();

    [GeneratedRegex(@"^(?:(?<everywho>Every member who takes part in (?<a>\w+) also takes part in (?<b>\w+))|(?<every>Every member takes part in (?<a>\w+))|(?<some>At least one member takes part in (?<a>\w+))|(?<noneboth>No member takes part in both (?<a>\w+) and (?<b>\w+))|(?<none>No member takes part in (?<a>\w+))|(?<notevery>Not every member takes part in (?<a>\w+))|(?<both>Some member takes part in both (?<a>\w+) and (?<b>\w+))|Exactly (?:(?<k>one) member takes|(?<k>\d+) members take) part in (?<a>\w+))\.$")]
    private static partial Regex Statement();
}
