using System.Numerics;
using System.Text;
using System.Text.RegularExpressions;

namespace BenchmarkAgent.Families;

/// <summary>
/// Member lists of two or three clubs and a question about the size of a union, intersection, difference,
/// or the number of people in exactly one or exactly two of the clubs.
/// </summary>
internal sealed partial class SetOperationsFamily : ITaskFamily
{
    private static readonly string[] Clubs = ["chess", "drama", "robotics", "hiking", "book", "film", "garden", "choir"];

    /// <inheritdoc />
    public TaskFamilyCard Card { get; } = new(
        "set-operations",
        "Set operations",
        "Member lists of two or three clubs are given; the model counts the people in a union, intersection or difference of the clubs, or in exactly one or exactly two of them.",
        "data",
        ["sets", "set operations", "union", "intersection", "difference", "venn diagram", "counting", "inclusion-exclusion", "membership", "discrete math"],
        AnswerType.Number);

    /// <inheritdoc />
    public FamilySample Generate(ulong seed, Difficulty difficulty)
    {
        var rng = new DeterministicRandom(seed);
        int clubCount = difficulty == Difficulty.Hard ? 3 : 2;
        int universe = difficulty switch { Difficulty.Easy => rng.Between(6, 8), Difficulty.Medium => rng.Between(9, 12), _ => rng.Between(12, 16) };
        var clubs = rng.Shuffle(Clubs).Take(clubCount).ToList();
        var people = rng.Shuffle(Lexicon.Names).Take(universe).ToList();

        // Each person is a bitmask of clubs; every club gets at least two members.
        int[] membership;
        do
        {
            membership = people.Select(_ => rng.Between(1, (1 << clubCount) - 1)).ToArray();
        }
        while (Enumerable.Range(0, clubCount).Any(c => membership.Count(m => (m >> c & 1) == 1) < 2));

        var builder = new StringBuilder();
        for (int c = 0; c < clubCount; c++)
        {
            var members = rng.Shuffle(people.Where((_, i) => (membership[i] >> c & 1) == 1));
            builder.Append(c == 0 ? string.Empty : " ").Append($"The {clubs[c]} club has {members.Count} members: {PromptText.JoinAnd(members)}.");
        }

        int Count(Func<int, bool> test) => membership.Count(test);
        string a = clubs[0], b = clubs[1];
        int full = (1 << clubCount) - 1;
        int kind = difficulty switch { Difficulty.Easy => rng.Next(3), Difficulty.Medium => rng.Next(4), _ => rng.Next(5) };
        (string question, int answer) = (kind, clubCount) switch
        {
            (0, _) => ("How many different people belong to at least one of the clubs?", universe),
            (1, 2) => ($"How many people are members of both the {a} club and the {b} club?", Count(m => m == 3)),
            (1, _) => ("How many people belong to all three clubs?", Count(m => m == full)),
            (2, _) => ($"How many members of the {a} club are not in the {b} club?", Count(m => (m & 1) == 1 && (m & 2) == 0)),
            (3, _) => ("How many people belong to exactly one of the clubs?", Count(m => BitOperations.PopCount((uint)m) == 1)),
            _ => rng.Chance(0.5)
                ? ("How many people belong to exactly two of the three clubs?", Count(m => BitOperations.PopCount((uint)m) == 2))
                : ($"How many people are in both the {a} club and the {b} club but not in the {clubs[2]} club?", Count(m => m == 3)),
        };

        builder.Append("\n\n").Append(question).Append(" Answer with a single number.");
        return new FamilySample(builder.ToString(), ExpectedAnswer.Number(answer));
    }

    /// <inheritdoc />
    public CheckResult Check(FamilySample sample)
    {
        ArgumentNullException.ThrowIfNull(sample);
        var sets = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (Match m in Club().Matches(sample.Prompt))
        {
            var members = m.Groups["list"].Value.Replace(" and ", ", ", StringComparison.Ordinal).Split(", ").ToHashSet(StringComparer.Ordinal);
            if (members.Count != PromptText.ParseInt(m.Groups["n"].Value))
            {
                return CheckResult.Fail($"the {m.Groups["club"].Value} club does not have the announced number of members");
            }

            sets[m.Groups["club"].Value] = members;
            order.Add(m.Groups["club"].Value);
        }

        if (sets.Count < 2)
        {
            return CheckResult.Fail("fewer than two clubs");
        }

        var everyone = new HashSet<string>(sets.Values.SelectMany(s => s), StringComparer.Ordinal);
        int In(string person) => sets.Values.Count(s => s.Contains(person));
        HashSet<string> Of(string club) => sets.TryGetValue(club, out var s) ? s : [];
        int? answer = null;
        string question = sample.Prompt[(sample.Prompt.LastIndexOf("\n\n", StringComparison.Ordinal) + 2)..];
        if (question.StartsWith("How many different people belong to at least one", StringComparison.Ordinal))
        {
            answer = everyone.Count;
        }
        else if (question.StartsWith("How many people belong to all three clubs?", StringComparison.Ordinal) && sets.Count == 3)
        {
            answer = everyone.Count(p => In(p) == 3);
        }
        else if (question.StartsWith("How many people belong to exactly one of", StringComparison.Ordinal))
        {
            answer = everyone.Count(p => In(p) == 1);
        }
        else if (question.StartsWith("How many people belong to exactly two of", StringComparison.Ordinal))
        {
            answer = everyone.Count(p => In(p) == 2);
        }
        else if (BothButNot().Match(question) is { Success: true } bn)
        {
            var set = new HashSet<string>(Of(bn.Groups["a"].Value), StringComparer.Ordinal);
            set.IntersectWith(Of(bn.Groups["b"].Value));
            set.ExceptWith(Of(bn.Groups["c"].Value));
            answer = set.Count;
        }
        else if (Both().Match(question) is { Success: true } both)
        {
            var set = new HashSet<string>(Of(both.Groups["a"].Value), StringComparer.Ordinal);
            set.IntersectWith(Of(both.Groups["b"].Value));
            answer = sets.Count == 2 ? set.Count : null;
        }
        else if (Difference().Match(question) is { Success: true } diff)
        {
            var set = new HashSet<string>(Of(diff.Groups["a"].Value), StringComparer.Ordinal);
            set.ExceptWith(Of(diff.Groups["b"].Value));
            answer = set.Count;
        }

        return answer is null ? CheckResult.Fail("question not understood") : PromptText.CheckNumber(sample, answer.Value);
    }

    [GeneratedRegex(@"The (?<club>\w+) club has (?<n>\d+) members: (?<list>[\w, ]+)\.")]
    private static partial Regex Club();

    [GeneratedRegex(@"^How many people are members of both the (?<a>\w+) club and the (?<b>\w+) club\?")]
    private static partial Regex Both();

    [GeneratedRegex(@"^How many people are in both the (?<a>\w+) club and the (?<b>\w+) club but not in the (?<c>\w+) club\?")]
    private static partial Regex BothButNot();

    [GeneratedRegex(@"^How many members of the (?<a>\w+) club are not in the (?<b>\w+) club\?")]
    private static partial Regex Difference();
}
