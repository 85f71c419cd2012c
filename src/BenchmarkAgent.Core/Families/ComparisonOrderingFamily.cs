using System.Text;
using System.Text.RegularExpressions;

namespace BenchmarkAgent.Families;

/// <summary>
/// Pairwise comparisons ("X is taller than Y") that together fix a total order; the model picks who is
/// at a requested rank. Hard items add redundant comparisons and ask for a middle rank.
/// </summary>
internal sealed partial class ComparisonOrderingFamily : ITaskFamily
{
    // (more, less, superlative-most, superlative-least)
    private static readonly (string More, string Less, string Most, string Least)[] Scales =
    [
        ("taller", "shorter", "tallest", "shortest"),
        ("older", "younger", "oldest", "youngest"),
        ("faster", "slower", "fastest", "slowest"),
        ("heavier", "lighter", "heaviest", "lightest"),
        ("richer", "poorer", "richest", "poorest"),
    ];

    private static readonly string[] Ordinals = ["", "", "second", "third", "fourth", "fifth"];

    /// <inheritdoc />
    public TaskFamilyCard Card { get; } = new(
        "comparison-ordering",
        "Ordering from pairwise comparisons",
        "Statements such as 'Ana is taller than Ben' fix a total order of three to six people; the model picks who is tallest, shortest or at a middle rank.",
        "logic",
        ["logic", "ordering", "ranking", "comparisons", "transitive reasoning", "puzzle", "who is tallest", "deduction", "relations"],
        AnswerType.Choice);

    /// <inheritdoc />
    public FamilySample Generate(ulong seed, Difficulty difficulty)
    {
        var rng = new DeterministicRandom(seed);
        int n = difficulty switch { Difficulty.Easy => 3, Difficulty.Medium => rng.Between(4, 5), _ => 6 };
        var scale = rng.Pick(Scales);
        var ranked = rng.Shuffle(Lexicon.Names).Take(n).ToList(); // ranked[0] has the most of the quality

        // Adjacent pairs fix the order; Hard adds redundant non-adjacent pairs that the solver must not misread.
        var pairs = Enumerable.Range(0, n - 1).Select(i => (i, i + 1)).ToList();
        if (difficulty == Difficulty.Hard)
        {
            for (int k = 0; k < 2; k++)
            {
                int a = rng.Between(0, n - 3);
                pairs.Add((a, rng.Between(a + 2, n - 1)));
            }
        }

        var facts = rng.Shuffle(pairs).Select(p => rng.Chance(0.5)
            ? $"{ranked[p.Item1]} is {scale.More} than {ranked[p.Item2]}."
            : $"{ranked[p.Item2]} is {scale.Less} than {ranked[p.Item1]}.").Distinct().ToList();

        int rank = difficulty == Difficulty.Hard ? rng.Between(1, n - 2) : rng.Chance(0.5) ? 0 : n - 1;
        string question = rank switch
        {
            0 => $"Who is the {scale.Most}?",
            _ when rank == n - 1 => $"Who is the {scale.Least}?",
            _ => $"Who is the {Ordinals[rank + 1]} {scale.Most}?",
        };

        var builder = new StringBuilder();
        builder.AppendJoin(' ', facts).Append("\n\n").Append(question);
        var distractors = ranked.Where((_, i) => i != rank).ToList();
        return PromptText.ChoiceSample(rng, builder.ToString(), ranked[rank], distractors);
    }

    /// <inheritdoc />
    public CheckResult Check(FamilySample sample)
    {
        ArgumentNullException.ThrowIfNull(sample);
        var scale = Scales.FirstOrDefault(s => sample.Prompt.Contains($" is {s.More} than ", StringComparison.Ordinal)
            || sample.Prompt.Contains($" is {s.Less} than ", StringComparison.Ordinal));
        if (scale.More is null)
        {
            return CheckResult.Fail("no comparison found");
        }

        // Build "x above y" edges and count, for every person, how many people are transitively above them.
        var above = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        HashSet<string> Set(string name) => above.TryGetValue(name, out var s) ? s : above[name] = [];
        foreach (Match m in Comparison().Matches(sample.Prompt))
        {
            bool more = m.Groups["rel"].Value == scale.More;
            if (!more && m.Groups["rel"].Value != scale.Less)
            {
                return CheckResult.Fail("mixed comparison scales");
            }

            (string hi, string lo) = more ? (m.Groups["a"].Value, m.Groups["b"].Value) : (m.Groups["b"].Value, m.Groups["a"].Value);
            Set(hi);
            Set(lo).Add(hi);
        }

        bool changed = true;
        while (changed)
        {
            changed = false;
            foreach (var set in above.Values)
            {
                foreach (string x in set.ToList())
                {
                    foreach (string y in above[x])
                    {
                        changed |= set.Add(y);
                    }
                }
            }
        }

        int n = above.Count;
        var byRank = above.OrderBy(kv => kv.Value.Count).Select(kv => kv.Key).ToList();
        if (above.Values.Select(v => v.Count).Distinct().Count() != n)
        {
            return CheckResult.Fail("comparisons do not fix a total order");
        }

        var q = Question().Match(sample.Prompt);
        if (!q.Success)
        {
            return CheckResult.Fail("question not recognised");
        }

        string word = q.Groups["word"].Value;
        int rank = word == scale.Most ? 0 : word == scale.Least ? n - 1 : -1;
        if (q.Groups["ord"].Success)
        {
            rank = Array.IndexOf(Ordinals, q.Groups["ord"].Value) - 1;
        }

        return rank < 0 || rank >= n ? CheckResult.Fail("rank not understood") : PromptText.CheckChoice(sample, byRank[rank]);
    }

    [GeneratedRegex(@"(?<a>\w+) is (?<rel>\w+) than (?<b>\w+)\.")]
    private static partial Regex Comparison();

    [GeneratedRegex(@"Who is the (?:(?<ord>second|third|fourth|fifth) )?(?<word>\w+)\?")]
    private static partial Regex Question();
}
