using System.Text;
using System.Text.RegularExpressions;

namespace BenchmarkAgent.Families;

/// <summary>
/// Word problems in which one person's count of objects changes over several steps (buying, giving away,
/// packs of several, doubling, splitting), interleaved with irrelevant facts about other people.
/// </summary>
internal sealed partial class MultiStepArithmeticFamily : ITaskFamily
{
    private static readonly string[] Prefixes = ["", "Then ", "Later, ", "After that, ", "Next, "];
    private static readonly string[] AddVerbs = ["buys", "finds", "collects", "wins", "is given"];
    private static readonly string[] SubVerbs = ["gives away", "sells", "loses", "uses up", "donates"];
    private static readonly string[] Containers = ["packs", "boxes", "bags"];

    /// <inheritdoc />
    public TaskFamilyCard Card { get; } = new(
        "multi-step-arithmetic",
        "Multi-step arithmetic word problems",
        "Short stories in which a person's number of objects changes over several steps (buying, giving away, packs, doubling, splitting), mixed with irrelevant facts about other people. The answer is the final count.",
        "arithmetic",
        ["arithmetic", "math", "word problems", "multi-step", "grade school math", "distracting", "irrelevant facts", "distractors", "addition", "multiplication", "reasoning"],
        AnswerType.Number);

    /// <inheritdoc />
    public FamilySample Generate(ulong seed, Difficulty difficulty)
    {
        var rng = new DeterministicRandom(seed);
        var people = rng.Shuffle(Lexicon.Names).Take(4).ToList();
        string who = people[0];
        string obj = rng.Pick(Lexicon.Objects);
        (int steps, int distractors, int startMax) = difficulty switch
        {
            Difficulty.Easy => (2, rng.Between(0, 1), 40),
            Difficulty.Medium => (rng.Between(3, 4), rng.Between(1, 2), 80),
            _ => (rng.Between(5, 6), 3, 150),
        };

        int total = rng.Between(5, startMax);
        var sentences = new List<string>
        {
            rng.Next(4) switch
            {
                0 => $"{who} has {total} {obj}.",
                1 => $"{who} starts the day with {total} {obj}.",
                2 => $"At first, {who} owns {total} {obj}.",
                _ => $"{who} keeps {total} {obj} in a drawer.",
            },
        };

        var story = new List<string>();
        for (int i = 0; i < steps; i++)
        {
            string prefix = i == 0 ? string.Empty : rng.Pick(Prefixes);
            int kind = difficulty == Difficulty.Easy ? rng.Next(3) : rng.Next(5);
            if (kind == 1 && total > 2)
            {
                int k = rng.Between(1, total - 1);
                string to = rng.Chance(0.5) ? $" to {people[1 + rng.Next(3)]}" : string.Empty;
                story.Add($"{prefix}{who} {rng.Pick(SubVerbs)} {k} {obj}{to}.");
                total -= k;
            }
            else if (kind == 2)
            {
                int packs = rng.Between(2, 6);
                int each = rng.Between(2, 12);
                story.Add($"{prefix}{who} buys {packs} {rng.Pick(Containers)} of {each} {obj} each.");
                total += packs * each;
            }
            else if (kind == 3 && total < 400)
            {
                story.Add(rng.Chance(0.5)
                    ? $"{prefix}{who} doubles the collection of {obj}."
                    : $"{prefix}{who} triples the collection of {obj}.");
                total *= story[^1].Contains("doubles", StringComparison.Ordinal) ? 2 : 3;
            }
            else if (kind == 4 && SplitDivisor(total) is int d)
            {
                story.Add($"{prefix}{who} splits the {obj} into {d} equal groups and keeps only one group.");
                total /= d;
            }
            else
            {
                int k = rng.Between(2, 30);
                story.Add($"{prefix}{who} {rng.Pick(AddVerbs)} {k} more {obj}.");
                total += k;
            }
        }

        // Irrelevant facts reuse the same object and verbs for other people, so only careful reading separates them.
        for (int i = 0; i < distractors; i++)
        {
            string other = people[1 + rng.Next(3)];
            string fact = rng.Next(4) switch
            {
                0 => $"{other} has {rng.Between(3, 90)} {obj}.",
                1 => $"{other} {rng.Pick(AddVerbs)} {rng.Between(2, 30)} more {obj}.",
                2 => $"{who} is {rng.Between(9, 70)} years old.",
                _ => $"The shop is {rng.Between(2, 19)} minutes away from the house of {other}.",
            };
            story.Insert(rng.Next(story.Count + 1), fact);
        }

        sentences.AddRange(story);
        var builder = new StringBuilder();
        builder.AppendJoin(' ', sentences);
        builder.Append("\n\n").Append(rng.Chance(0.5)
            ? $"How many {obj} does {who} have now?"
            : $"How many {obj} does {who} end up with?");
        builder.Append(" Answer with a single number.");
        return new FamilySample(builder.ToString(), ExpectedAnswer.Number(total));
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

        var question = Question().Match(parts[1]);
        if (!question.Success)
        {
            return CheckResult.Fail("question not recognised");
        }

        string who = question.Groups["who"].Value;
        string obj = question.Groups["obj"].Value;
        decimal? count = null;
        foreach (string raw in parts[0].Split(". "))
        {
            string sentence = raw.TrimEnd('.');
            if (Start().Match(sentence) is { Success: true } start)
            {
                if (start.Groups["who"].Value == who && start.Groups["obj"].Value == obj)
                {
                    if (count is not null)
                    {
                        return CheckResult.Fail("two starting counts");
                    }

                    count = PromptText.ParseNum(start.Groups["n"].Value);
                }

                continue;
            }

            if (Step().Match(sentence) is not { Success: true } step || step.Groups["who"].Value != who)
            {
                // Facts about other people, ages and distances do not change the count.
                continue;
            }

            if (count is null)
            {
                return CheckResult.Fail("a step precedes the starting count");
            }

            var g = step.Groups;
            decimal n = g["n"].Success ? PromptText.ParseNum(g["n"].Value) : 0;
            count = true switch
            {
                _ when g["add"].Success => count + n,
                _ when g["sub"].Success => count - n,
                _ when g["pack"].Success => count + (n * PromptText.ParseNum(g["m"].Value)),
                _ when g["mult"].Success => count * (g["mult"].Value == "doubles" ? 2 : 3),
                _ => count / n,
            };
            if (count < 0 || count != decimal.Truncate(count.Value))
            {
                return CheckResult.Fail("count became negative or fractional");
            }
        }

        return count is null ? CheckResult.Fail("no starting count") : PromptText.CheckNumber(sample, count.Value);
    }

    private static int? SplitDivisor(int total)
    {
        for (int d = 2; d <= 5; d++)
        {
            if (total % d == 0 && total / d >= 2)
            {
                return d;
            }
        }

        return null;
    }

    [GeneratedRegex(@"^How many (?<obj>\w+) does (?<who>\w+) (?:have now|end up with)\? Answer with a single number\.$")]
    private static partial Regex Question();

    [GeneratedRegex(@"^(?:At first, )?(?<who>\w+) (?:has|starts the day with|owns|keeps) (?<n>\d+) (?<obj>\w+)(?: in a drawer)?$")]
    private static partial Regex Start();

    // One alternative per step kind; which named group matched tells the checker the operation.
    [GeneratedRegex(@"^(?:Then |Later, |After that, |Next, )?(?<who>\w+) (?:(?<add>buys|finds|collects|wins|is given) (?<n>\d+) more \w+|(?<sub>gives away|sells|loses|uses up|donates) (?<n>\d+) \w+(?: to \w+)?|(?<pack>buys) (?<n>\d+) (?:packs|boxes|bags) of (?<m>\d+) \w+ each|(?<mult>doubles|triples) the collection of \w+|(?<split>splits) the \w+ into (?<n>\d+) equal groups and keeps only one group)$")]
    private static partial Regex Step();
}
