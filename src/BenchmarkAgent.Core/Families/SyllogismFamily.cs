using System.Text;
using System.Text.RegularExpressions;

namespace BenchmarkAgent.Families;

/// <summary>
/// Chains of "all", "some" and "no" statements over invented categories; the model picks the one
/// conclusion that necessarily follows. Harder items use longer chains, shuffled premises and irrelevant premises.
/// </summary>
internal sealed partial class SyllogismFamily : ITaskFamily
{
    private static readonly string[] Nouns =
    [
        "blicket", "wug", "florp", "zarn", "glim", "snerp", "quib", "mimble", "vorn", "drell",
        "plonk", "fendle", "grook", "yimmel", "trazzle", "bontle", "kriff", "shalp", "tuggle", "norb",
        "pelk", "wimble", "dronk", "gorp", "harp", "lurn", "minto", "ziff",
    ];

    private static readonly string[] Intros =
    [
        "Assume that all of the following statements are true.",
        "Suppose the following facts hold.",
        "Consider these statements and take them as true.",
        "In a certain world, the following is known.",
    ];

    private static readonly string[] Questions =
    [
        "Which conclusion follows necessarily from these statements?",
        "Which of the following must be true?",
        "Which statement can be validly concluded?",
    ];

    private enum Quantifier
    {
        All,
        No,
        Some,
        SomeNot,
    }

    /// <inheritdoc />
    public TaskFamilyCard Card { get; } = new(
        "syllogism",
        "Syllogisms",
        "Chains of all/some/no statements over invented categories (blickets, wugs, florps); the model picks the only conclusion that necessarily follows, with harder items adding longer chains and irrelevant premises.",
        "logic",
        ["logic", "syllogism", "deduction", "categorical logic", "quantifiers", "all some no", "entailment", "valid conclusion", "formal reasoning"],
        AnswerType.Choice);

    /// <inheritdoc />
    public FamilySample Generate(ulong seed, Difficulty difficulty)
    {
        var rng = new DeterministicRandom(seed);
        int chain = difficulty switch { Difficulty.Easy => 2, Difficulty.Medium => 3, _ => rng.Between(4, 5) };
        int extras = difficulty switch { Difficulty.Easy => 0, Difficulty.Medium => rng.Between(0, 1), _ => 2 };
        var nouns = rng.Shuffle(Nouns).Take(chain + 1 + extras).ToList();
        bool someFirst = rng.Chance(0.5);
        bool noLast = rng.Chance(0.5);

        // The chain c0 -> c1 -> ... -> cn: a first link (all or some), middle "all" links, a last link (all or no).
        var premises = new List<(Quantifier Q, string X, string Y)>();
        for (int i = 0; i < chain; i++)
        {
            var q = i == 0 && someFirst ? Quantifier.Some : i == chain - 1 && noLast ? Quantifier.No : Quantifier.All;
            premises.Add((q, nouns[i], nouns[i + 1]));
        }

        // Irrelevant premises link fresh categories to chain members without constraining the chain itself.
        for (int e = 0; e < extras; e++)
        {
            string fresh = nouns[chain + 1 + e];
            string member = nouns[rng.Next(chain + 1)];
            premises.Add(rng.Next(3) switch
            {
                0 => (Quantifier.All, member, fresh),
                1 => (Quantifier.Some, fresh, member),
                _ => (Quantifier.No, fresh, member),
            });
        }

        if (difficulty != Difficulty.Easy)
        {
            premises = rng.Shuffle(premises);
        }

        string x = nouns[0];
        string y = nouns[chain];
        var (conclusion, distractors) = (someFirst, noLast) switch
        {
            (false, false) => ((Quantifier.All, x, y), new[] { (Quantifier.All, y, x), (Quantifier.No, x, y), (Quantifier.SomeNot, x, y), (Quantifier.SomeNot, y, x) }),
            (false, true) => ((Quantifier.No, x, y), new[] { (Quantifier.All, x, y), (Quantifier.Some, x, y), (Quantifier.Some, y, x), (Quantifier.All, y, x) }),
            (true, false) => ((Quantifier.Some, x, y), new[] { (Quantifier.All, x, y), (Quantifier.No, x, y), (Quantifier.All, y, x), (Quantifier.SomeNot, x, y) }),
            _ => ((Quantifier.SomeNot, x, y), new[] { (Quantifier.No, x, y), (Quantifier.All, x, y), (Quantifier.Some, x, y), (Quantifier.All, y, x) }),
        };

        var builder = new StringBuilder(rng.Pick(Intros)).Append("\n\n");
        foreach (var p in premises)
        {
            builder.Append(RenderPremise(p, rng.Chance(0.5))).Append('\n');
        }

        builder.Append('\n').Append(rng.Pick(Questions));
        var chosen = rng.Shuffle(distractors).Take(3).Select(Canonical).ToList();
        return PromptText.ChoiceSample(rng, builder.ToString(), Canonical(conclusion), chosen);
    }

    /// <inheritdoc />
    public CheckResult Check(FamilySample sample)
    {
        ArgumentNullException.ThrowIfNull(sample);
        string[] blocks = sample.Prompt.Split("\n\n");
        if (blocks.Length < 4)
        {
            return CheckResult.Fail("expected intro, premises, question and options");
        }

        var premises = new List<Statement>();
        foreach (string line in blocks[1].Split('\n'))
        {
            if (ParseStatement(line) is not { } statement)
            {
                return CheckResult.Fail($"premise not understood: {line}");
            }

            premises.Add(statement);
        }

        var categories = premises.SelectMany(p => new[] { p.Subject, p.Predicate }).Distinct(StringComparer.Ordinal).ToList();
        string? correct = null;
        foreach (string option in sample.Choices)
        {
            if (ParseStatement(option) is not { } conclusion)
            {
                return CheckResult.Fail($"option not understood: {option}");
            }

            bool modern = Entails(premises, conclusion, categories, existentialImport: false);
            bool classical = Entails(premises, conclusion, categories, existentialImport: true);
            if (modern != classical)
            {
                return CheckResult.Fail($"'{option}' follows only under one reading of 'all'");
            }

            if (modern)
            {
                if (correct is not null)
                {
                    return CheckResult.Fail("more than one option follows");
                }

                correct = option;
            }
        }

        return correct is null ? CheckResult.Fail("no option follows") : PromptText.CheckChoice(sample, correct);
    }

    private static string RenderPremise((Quantifier Q, string X, string Y) p, bool singular) => (p.Q, singular) switch
    {
        (Quantifier.All, true) => $"Every {p.X} is a {p.Y}.",
        (Quantifier.No, true) => $"No {p.X} is a {p.Y}.",
        (Quantifier.Some, true) => $"At least one {p.X} is a {p.Y}.",
        (Quantifier.SomeNot, true) => $"At least one {p.X} is not a {p.Y}.",
        _ => Canonical(p),
    };

    private static string Canonical((Quantifier Q, string X, string Y) p) => p.Q switch
    {
        Quantifier.All => $"All {p.X}s are {p.Y}s.",
        Quantifier.No => $"No {p.X}s are {p.Y}s.",
        Quantifier.Some => $"Some {p.X}s are {p.Y}s.",
        _ => $"Some {p.X}s are not {p.Y}s.",
    };

    private sealed record Statement(bool Universal, bool Negated, string Subject, string Predicate);

    private static Statement? ParseStatement(string text)
    {
        if (Plural().Match(text) is { Success: true } p)
        {
            bool some = p.Groups["q"].Value == "Some";
            bool neg = p.Groups["q"].Value == "No" || p.Groups["not"].Success;
            return new Statement(!some, neg, p.Groups["x"].Value, p.Groups["y"].Value);
        }

        if (Singular().Match(text) is { Success: true } s)
        {
            bool some = s.Groups["q"].Value == "At least one";
            bool neg = s.Groups["q"].Value == "No" || s.Groups["not"].Success;
            return new Statement(!some, neg, s.Groups["x"].Value, s.Groups["y"].Value);
        }

        return null;
    }

    // Semantics over "types": a type is the set of categories an individual belongs to (a bitmask).
    // A premise set is satisfiable with the conclusion false iff the largest model (every type allowed by
    // the universal statements) witnesses every existential statement, because existentials only gain from
    // more inhabited types and universals only lose.
    private static bool Entails(List<Statement> premises, Statement conclusion, List<string> categories, bool existentialImport)
    {
        var index = categories.Select((c, i) => (c, i)).ToDictionary(t => t.c, t => t.i, StringComparer.Ordinal);
        if (!index.ContainsKey(conclusion.Subject) || !index.ContainsKey(conclusion.Predicate))
        {
            return false;
        }

        var negation = conclusion with { Universal = !conclusion.Universal, Negated = !conclusion.Negated };
        var all = premises.Append(negation).ToList();
        var universals = all.Where(s => s.Universal).ToList();
        var existentials = all.Where(s => !s.Universal).ToList();
        if (existentialImport)
        {
            existentials.AddRange(categories.Select(c => new Statement(false, false, c, c)));
        }

        // Statements as (subject bit, predicate bit, negated) so that each type test is two mask operations.
        (int S, int P, bool N)[] Masks(IEnumerable<Statement> statements) =>
            statements.Select(s => (1 << index[s.Subject], 1 << index[s.Predicate], s.Negated)).ToArray();
        var forbidding = Masks(universals);
        var needing = Masks(existentials);
        bool[] witnessed = new bool[needing.Length];
        for (int type = 0; type < 1 << categories.Count; type++)
        {
            // "All X are Y" forbids X-and-not-Y; "No X are Y" forbids X-and-Y.
            bool forbidden = false;
            foreach (var u in forbidding)
            {
                forbidden |= (type & u.S) != 0 && ((type & u.P) != 0) == u.N;
            }

            if (forbidden)
            {
                continue;
            }

            // "Some X are Y" needs an allowed X-and-Y; "Some X are not Y" an allowed X-and-not-Y.
            for (int e = 0; e < needing.Length; e++)
            {
                witnessed[e] |= (type & needing[e].S) != 0 && ((type & needing[e].P) != 0) != needing[e].N;
            }
        }

        bool counterModel = Array.TrueForAll(witnessed, w => w);
        return !counterModel;
    }

    [GeneratedRegex(@"^(?<q>All|No|Some) (?<x>[a-z]+)s are (?<not>not )?(?<y>[a-z]+)s\.$")]
    private static partial Regex Plural();

    [GeneratedRegex(@"^(?<q>Every|No|At least one) (?<x>[a-z]+) is (?<not>not )?a (?<y>[a-z]+)\.$")]
    private static partial Regex Singular();
}
