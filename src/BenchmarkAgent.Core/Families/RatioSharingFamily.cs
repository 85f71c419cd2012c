using System.Text;
using System.Text.RegularExpressions;

namespace BenchmarkAgent.Families;

/// <summary>
/// A quantity is shared among people in a given ratio; the model reports one share, or at Hard
/// the difference between two shares among four people.
/// </summary>
internal sealed partial class RatioSharingFamily : ITaskFamily
{
    /// <inheritdoc />
    public TaskFamilyCard Card { get; } = new(
        "ratio-sharing",
        "Sharing in a ratio",
        "A total amount is divided among two to four people in a stated ratio; the model gives one person's share or the difference between two shares.",
        "arithmetic",
        ["ratio", "ratios", "proportion", "sharing", "divide", "arithmetic", "math", "word problems", "fractions"],
        AnswerType.Number);

    /// <inheritdoc />
    public FamilySample Generate(ulong seed, Difficulty difficulty)
    {
        var rng = new DeterministicRandom(seed);
        int people = difficulty switch { Difficulty.Easy => 2, Difficulty.Medium => 3, _ => 4 };
        var names = rng.Shuffle(Lexicon.Names).Take(people).ToList();
        var parts = rng.Shuffle(Enumerable.Range(1, 9)).Take(people).ToList();
        string obj = rng.Pick(Lexicon.Objects);
        int unit = rng.Between(2, difficulty == Difficulty.Easy ? 12 : 25);
        int total = parts.Sum() * unit;
        string ratio = string.Join(':', parts);
        string setup = rng.Next(3) switch
        {
            0 => $"{PromptText.JoinAnd(names)} share {total} {obj} in the ratio {ratio}.",
            1 => $"{total} {obj} are divided among {PromptText.JoinAnd(names)} in the ratio {ratio}.",
            _ => $"{PromptText.JoinAnd(names)} split {total} {obj} between them in the ratio {ratio}.",
        };

        var builder = new StringBuilder(setup);
        int answer;
        if (difficulty == Difficulty.Hard)
        {
            // Irrelevant but numeric context, then a two-share question.
            builder.Append(' ').Append($"They had {rng.Between(total + 1, total * 2)} {obj} last year.");
            var pair = rng.Shuffle(Enumerable.Range(0, people)).Take(2).OrderByDescending(i => parts[i]).ToList();
            builder.Append($"\n\nHow many more {obj} does {names[pair[0]]} get than {names[pair[1]]}?");
            answer = (parts[pair[0]] - parts[pair[1]]) * unit;
        }
        else
        {
            int who = rng.Next(people);
            builder.Append(rng.Chance(0.5) ? $"\n\nHow many {obj} does {names[who]} get?" : $"\n\nHow many {obj} go to {names[who]}?");
            answer = parts[who] * unit;
        }

        builder.Append(" Answer with a single number.");
        return new FamilySample(builder.ToString(), ExpectedAnswer.Number(answer));
    }

    /// <inheritdoc />
    public CheckResult Check(FamilySample sample)
    {
        ArgumentNullException.ThrowIfNull(sample);
        var setup = Setup().Match(sample.Prompt);
        if (!setup.Success)
        {
            return CheckResult.Fail("sharing sentence not recognised");
        }

        var names = setup.Groups["names"].Value.Replace(" and ", ", ", StringComparison.Ordinal).Split(", ").ToList();
        var parts = setup.Groups["r"].Value.Split(':').Select(PromptText.ParseNum).ToList();
        if (names.Count != parts.Count)
        {
            return CheckResult.Fail("ratio and people differ in length");
        }

        decimal total = PromptText.ParseNum(setup.Groups["t"].Value);
        decimal Share(string name) => total * parts[names.IndexOf(name)] / parts.Sum();

        if (Difference().Match(sample.Prompt) is { Success: true } diff)
        {
            return PromptText.CheckNumber(sample, Share(diff.Groups["a"].Value) - Share(diff.Groups["b"].Value));
        }

        return Single().Match(sample.Prompt) is { Success: true } single && names.Contains(single.Groups["a"].Value)
            ? PromptText.CheckNumber(sample, Share(single.Groups["a"].Value))
            : CheckResult.Fail("question not recognised");
    }

    [GeneratedRegex(@"^(?:(?<names>[\w, ]+?) (?:share|split) (?<t>\d+) \w+(?: between them)?|(?<t>\d+) \w+ are divided among (?<names>[\w, ]+?)) in the ratio (?<r>[\d:]+)\.")]
    private static partial Regex Setup();

    [GeneratedRegex(@"How many more \w+ does (?<a>\w+) get than (?<b>\w+)\?")]
    private static partial Regex Difference();

    [GeneratedRegex(@"How many \w+ (?:does (?<a>\w+) get|go to (?<a>\w+))\?")]
    private static partial Regex Single();
}
