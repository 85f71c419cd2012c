using System.Text;
using System.Text.RegularExpressions;

namespace BenchmarkAgent.Families;

/// <summary>
/// Classic island puzzles: knights always tell the truth, knaves always lie. Each inhabitant makes one
/// statement; exactly one assignment of types is consistent, and the model picks it among four options.
/// </summary>
internal sealed partial class KnightsAndKnavesFamily : ITaskFamily
{
    /// <inheritdoc />
    public TaskFamilyCard Card { get; } = new(
        "knights-and-knaves",
        "Knights and knaves",
        "Inhabitants of an island are knights (always truthful) or knaves (always lying) and each makes a statement about the others; the model picks the only consistent assignment.",
        "logic",
        ["logic", "knights and knaves", "truth tellers", "liars", "logic puzzle", "deduction", "boolean reasoning", "self-reference", "puzzle"],
        AnswerType.Choice);

    /// <inheritdoc />
    public FamilySample Generate(ulong seed, Difficulty difficulty)
    {
        var rng = new DeterministicRandom(seed);
        int n = difficulty switch { Difficulty.Easy => 3, Difficulty.Medium => 4, _ => 5 };
        var names = rng.Shuffle(Lexicon.Names).Take(n).ToList();
        while (true)
        {
            int truth = rng.Next(1 << n);
            var statements = new List<(int Kind, int X, int Y)>();
            for (int s = 0; s < n; s++)
            {
                // Pick statements that are true exactly when the speaker is a knight under the hidden assignment.
                while (true)
                {
                    var st = (Kind: rng.Next(5), X: rng.Next(n), Y: rng.Next(n));
                    if (st.X == s || (st.Kind >= 3 && (st.Y == s || st.Y == st.X)))
                    {
                        continue;
                    }

                    if (Holds(st, s, truth) == IsKnight(truth, s))
                    {
                        statements.Add(st);
                        break;
                    }
                }
            }

            var consistent = Enumerable.Range(0, 1 << n).Where(a => Enumerable.Range(0, n).All(s => Holds(statements[s], s, a) == IsKnight(a, s))).ToList();
            if (consistent.Count != 1)
            {
                continue;
            }

            var builder = new StringBuilder($"On an island, every inhabitant is either a knight, who always tells the truth, or a knave, who always lies. You meet {PromptText.JoinAnd(names)}.");
            for (int s = 0; s < n; s++)
            {
                builder.Append(' ').Append(names[s]).Append(" says: \"").Append(Render(statements[s], names)).Append("\"");
            }

            builder.Append("\n\nWhich of the following is true?");
            var others = rng.Shuffle(Enumerable.Range(0, 1 << n).Where(a => a != truth)).Take(3).Select(a => Describe(a, names)).ToList();
            return PromptText.ChoiceSample(rng, builder.ToString(), Describe(truth, names), others);
        }
    }

    /// <inheritdoc />
    public CheckResult Check(FamilySample sample)
    {
        ArgumentNullException.ThrowIfNull(sample);
        var intro = Intro().Match(sample.Prompt);
        if (!intro.Success)
        {
            return CheckResult.Fail("cast not found");
        }

        var names = intro.Groups["names"].Value.Replace(" and ", ", ", StringComparison.Ordinal).Split(", ").ToList();
        var claims = Says().Matches(sample.Prompt).ToList();
        if (claims.Count != names.Count)
        {
            return CheckResult.Fail("expected one statement per inhabitant");
        }

        // Try every assignment as a dictionary of booleans and evaluate the quoted sentences directly.
        string? solution = null;
        for (int mask = 0; mask < 1 << names.Count; mask++)
        {
            var knight = names.Select((name, i) => (name, k: (mask >> i & 1) == 1)).ToDictionary(p => p.name, p => p.k, StringComparer.Ordinal);
            bool ok = true;
            foreach (var claim in claims)
            {
                bool? value = Evaluate(claim.Groups["text"].Value, claim.Groups["who"].Value, knight);
                if (value is null)
                {
                    return CheckResult.Fail($"statement not understood: {claim.Groups["text"].Value}");
                }

                ok &= value == knight[claim.Groups["who"].Value];
            }

            if (ok)
            {
                if (solution is not null)
                {
                    return CheckResult.Fail("more than one consistent assignment");
                }

                solution = string.Join(", ", names.Select(x => $"{x} is a {(knight[x] ? "knight" : "knave")}"));
            }
        }

        return solution is null ? CheckResult.Fail("no consistent assignment") : PromptText.CheckChoice(sample, solution);
    }

    private static bool IsKnight(int assignment, int i) => ((assignment >> i) & 1) == 1;

    private static bool Holds((int Kind, int X, int Y) st, int speaker, int a) => st.Kind switch
    {
        0 => IsKnight(a, st.X),
        1 => !IsKnight(a, st.X),
        2 => IsKnight(a, st.X) == IsKnight(a, speaker),
        3 => !IsKnight(a, st.X) || !IsKnight(a, st.Y),
        _ => IsKnight(a, st.X) && IsKnight(a, st.Y),
    };

    private static string Render((int Kind, int X, int Y) st, List<string> names) => st.Kind switch
    {
        0 => $"{names[st.X]} is a knight.",
        1 => $"{names[st.X]} is a knave.",
        2 => $"{names[st.X]} and I are of the same kind.",
        3 => $"At least one of {names[st.X]} and {names[st.Y]} is a knave.",
        _ => $"{names[st.X]} and {names[st.Y]} are both knights.",
    };

    private static string Describe(int assignment, List<string> names) =>
        string.Join(", ", names.Select((x, i) => $"{x} is a {(IsKnight(assignment, i) ? "knight" : "knave")}"));

    private static bool? Evaluate(string text, string speaker, Dictionary<string, bool> knight)
    {
        if (Single().Match(text) is { Success: true } single)
        {
            return knight[single.Groups["x"].Value] == (single.Groups["kind"].Value == "knight");
        }

        if (Same().Match(text) is { Success: true } same)
        {
            return knight[same.Groups["x"].Value] == knight[speaker];
        }

        if (AtLeastOneKnave().Match(text) is { Success: true } one)
        {
            return !(knight[one.Groups["x"].Value] && knight[one.Groups["y"].Value]);
        }

        if (Both().Match(text) is { Success: true } both)
        {
            return knight[both.Groups["x"].Value] && knight[both.Groups["y"].Value];
        }

        return null;
    }

    [GeneratedRegex(@"You meet (?<names>[\w, ]+)\.")]
    private static partial Regex Intro();

    [GeneratedRegex("(?<who>\\w+) says: \"(?<text>[^\"]+)\"")]
    private static partial Regex Says();

    [GeneratedRegex(@"^(?<x>\w+) is a (?<kind>knight|knave)\.$")]
    private static partial Regex Single();

    [GeneratedRegex(@"^(?<x>\w+) and I are of the same kind\.$")]
    private static partial Regex Same();

    [GeneratedRegex(@"^At least one of (?<x>\w+) and (?<y>\w+) is a knave\.$")]
    private static partial Regex AtLeastOneKnave();

    [GeneratedRegex(@"^(?<x>\w+) and (?<y>\w+) are both knights\.$")]
    private static partial Regex Both();
}
