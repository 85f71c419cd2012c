using System.Text;
using System.Text.RegularExpressions;

namespace BenchmarkAgent.Families;

/// <summary>
/// Parent-child facts about an invented family tree, stated in shuffled order; the model picks who stands in
/// a given relation (grandparent, sibling, aunt or uncle, cousin, great-grandparent...) to a named person.
/// </summary>
internal sealed partial class FamilyRelationsFamily : ITaskFamily
{
    /// <inheritdoc />
    public TaskFamilyCard Card { get; } = new(
        "family-relations",
        "Family relations",
        "Shuffled parent-child facts describe a family tree of three or four generations; the model picks which option is the grandparent, sibling, aunt or uncle, cousin, niece or nephew, or great-grandparent of a named person.",
        "logic",
        ["family tree", "kinship", "relations", "grandparent", "cousin", "genealogy", "relational reasoning", "multi-hop", "deduction"],
        AnswerType.Choice);

    /// <inheritdoc />
    public FamilySample Generate(ulong seed, Difficulty difficulty)
    {
        var rng = new DeterministicRandom(seed);
        int generations = difficulty == Difficulty.Hard ? 4 : 3;
        var names = rng.Shuffle(Lexicon.Names);
        var parent = new List<int> { -1 };
        var generation = new List<int> { 0 };
        var level = new List<int> { 0 };
        for (int g = 1; g < generations; g++)
        {
            var next = new List<int>();
            foreach (int p in level)
            {
                int children = g == 1 ? rng.Between(2, difficulty == Difficulty.Easy ? 2 : 3) : rng.Between(1, 2);
                for (int c = 0; c < children; c++)
                {
                    parent.Add(p);
                    generation.Add(g);
                    next.Add(parent.Count - 1);
                }
            }

            level = next;
        }

        int count = parent.Count;
        var childrenOf = Enumerable.Range(0, count).Select(p => Enumerable.Range(0, count).Where(c => parent[c] == p).ToList()).ToList();
        List<int> Siblings(int i) => parent[i] < 0 ? [] : childrenOf[parent[i]].Where(s => s != i).ToList();
        var relations = new List<(string Name, Func<int, List<int>> Of)>
        {
            ("a grandparent", i => parent[i] >= 0 && parent[parent[i]] >= 0 ? [parent[parent[i]]] : []),
            ("a sibling", Siblings),
        };
        if (difficulty != Difficulty.Easy)
        {
            relations.Add(("an aunt or uncle", i => parent[i] < 0 ? [] : Siblings(parent[i])));
            relations.Add(("a cousin", i => parent[i] < 0 ? [] : Siblings(parent[i]).SelectMany(a => childrenOf[a]).ToList()));
            relations.Add(("a grandchild", i => childrenOf[i].SelectMany(c => childrenOf[c]).ToList()));
        }

        if (difficulty == Difficulty.Hard)
        {
            relations.RemoveRange(0, 2);
            relations.Add(("a great-grandparent", i => generation[i] == 3 ? [parent[parent[parent[i]]]] : []));
            relations.Add(("a niece or nephew", i => Siblings(i).SelectMany(s => childrenOf[s]).ToList()));
        }

        while (true)
        {
            int target = rng.Next(count);
            var relation = rng.Pick(relations);
            var related = relation.Of(target);
            var others = Enumerable.Range(0, count).Where(i => i != target && !related.Contains(i)).ToList();
            if (related.Count == 0 || others.Count < 3)
            {
                continue;
            }

            var facts = Enumerable.Range(1, count - 1).Select(c => rng.Next(3) switch
            {
                0 => $"{names[parent[c]]} is a parent of {names[c]}.",
                1 => $"{names[c]} is a child of {names[parent[c]]}.",
                _ => $"{names[c]} is {names[parent[c]]}'s child.",
            }).ToList();
            var builder = new StringBuilder("Here are some facts about one family. Each person has at most one parent listed, and people with the same listed parent are siblings.\n\n");
            builder.AppendJoin(' ', rng.Shuffle(facts)).Append("\n\n");
            builder.Append($"Based only on these facts, which of the following people is {relation.Name} of {names[target]}?");
            var distractors = rng.Shuffle(others).Take(3).Select(i => names[i]).ToList();
            return PromptText.ChoiceSample(rng, builder.ToString(), names[rng.Pick(related)], distractors);
        }
    }

    /// <inheritdoc />
    public CheckResult Check(FamilySample sample)
    {
        ArgumentNullException.ThrowIfNull(sample);
        var parentOf = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match m in Fact().Matches(sample.Prompt))
        {
            if (!parentOf.TryAdd(m.Groups["child"].Value, m.Groups["parent"].Value))
            {
                return CheckResult.Fail($"{m.Groups["child"].Value} has two parents listed");
            }
        }

        var question = Question().Match(sample.Prompt);
        if (!question.Success)
        {
            return CheckResult.Fail("question not recognised");
        }

        string target = question.Groups["who"].Value;
        string? Up(string? person, int steps)
        {
            for (int i = 0; i < steps && person is not null; i++)
            {
                person = parentOf.GetValueOrDefault(person);
            }

            return person;
        }

        // Relations by walking up from both people: "x is R of target" compares ancestors at fixed heights.
        bool Is(string x) => x != target && question.Groups["rel"].Value switch
        {
            "a grandparent" => Up(target, 2) == x,
            "a great-grandparent" => Up(target, 3) == x,
            "a sibling" => Up(x, 1) is { } p && Up(target, 1) == p,
            "an aunt or uncle" => Up(x, 1) is { } p && Up(target, 2) == p && Up(target, 1) != x,
            "a cousin" => Up(x, 2) is { } g && Up(target, 2) == g && Up(x, 1) != Up(target, 1),
            "a grandchild" => Up(x, 2) == target,
            "a niece or nephew" => Up(x, 2) is { } g && Up(target, 1) == g && Up(x, 1) != target,
            _ => false,
        };

        var matching = sample.Choices.Where(Is).ToList();
        return matching.Count == 1
            ? PromptText.CheckChoice(sample, matching[0])
            : CheckResult.Fail($"{matching.Count} options stand in the asked relation");
    }

    [GeneratedRegex(@"(?:(?<parent>\w+) is a parent of (?<child>\w+)|(?<child>\w+) is a child of (?<parent>\w+)|(?<child>\w+) is (?<parent>\w+)'s child)\.")]
    private static partial Regex Fact();

    [GeneratedRegex(@"which of the following people is (?<rel>an? [\w -]+?) of (?<who>\w+)\?")]
    private static partial Regex Question();
}
