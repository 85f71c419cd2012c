using System.Text;
using System.Text.RegularExpressions;

namespace BenchmarkAgent.Families;

/// <summary>
/// Shows the first terms of an integer sequence and asks for the next one: arithmetic at Easy,
/// multiply-and-add (including geometric) or alternating steps at Medium, quadratic or Fibonacci-like at Hard.
/// </summary>
internal sealed partial class NumberSequenceFamily : ITaskFamily
{
    private static readonly string[] Intros = ["Consider the sequence", "Look at this sequence of numbers", "A pattern continues", "Here are the first terms of a sequence"];

    /// <inheritdoc />
    public TaskFamilyCard Card { get; } = new(
        "number-sequence",
        "Next term of a number sequence",
        "The first terms of an integer sequence (arithmetic, multiply-and-add, alternating steps, quadratic or Fibonacci-like) are shown; the model gives the next term.",
        "pattern",
        ["sequences", "number sequence", "next term", "pattern recognition", "patterns", "series", "induction", "math", "puzzle", "iq test"],
        AnswerType.Number);

    /// <inheritdoc />
    public FamilySample Generate(ulong seed, Difficulty difficulty)
    {
        var rng = new DeterministicRandom(seed);
        int shown = difficulty switch { Difficulty.Easy => 5, Difficulty.Medium => 6, _ => 8 };
        var terms = new List<long>();
        int kind = difficulty switch { Difficulty.Easy => 0, Difficulty.Medium => 1 + rng.Next(2), _ => 3 + rng.Next(2) };
        switch (kind)
        {
            case 0:
                long a0 = rng.Between(1, 2000);
                int d = rng.Between(2, 60);
                bool down = rng.Chance(0.3) && a0 > d * shown;
                for (int i = 0; i <= shown; i++)
                {
                    terms.Add(a0 + ((down ? -d : d) * i));
                }

                break;
            case 1:
                // Multiply then add: a(n+1) = r * a(n) + c, which includes plain geometric sequences (c = 0).
                long g = rng.Between(1, 500);
                int r = rng.Between(2, 3);
                int c = rng.Between(0, 50);
                for (int i = 0; i <= shown; i++, g = (g * r) + c)
                {
                    terms.Add(g);
                }

                break;
            case 2:
                // Two alternating steps, e.g. +3, +7, +3, +7.
                long x = rng.Between(1, 500);
                int p = rng.Between(1, 25);
                int q = rng.Between(26, 60);
                for (int i = 0; i <= shown; i++)
                {
                    terms.Add(x);
                    x += i % 2 == 0 ? p : q;
                }

                break;
            case 3:
                // Differences that grow by a constant: a quadratic sequence.
                long y = rng.Between(1, 999);
                int diff = rng.Between(1, 60);
                int second = rng.Between(2, 9);
                for (int i = 0; i <= shown; i++, diff += second)
                {
                    terms.Add(y);
                    y += diff;
                }

                break;
            default:
                long f0 = rng.Between(1, 200);
                long f1 = rng.Between(1, 200);
                terms.Add(f0);
                terms.Add(f1);
                while (terms.Count <= shown)
                {
                    terms.Add(terms[^1] + terms[^2]);
                }

                break;
        }

        var builder = new StringBuilder(rng.Pick(Intros)).Append(": ");
        builder.AppendJoin(", ", terms.Take(shown)).Append(", ...\n\n").Append(rng.Chance(0.5) ? "What is the next term?" : "Which number comes next?").Append(" Answer with a single number.");
        return new FamilySample(builder.ToString(), ExpectedAnswer.Number(terms[shown]));
    }

    /// <inheritdoc />
    public CheckResult Check(FamilySample sample)
    {
        ArgumentNullException.ThrowIfNull(sample);
        var match = Terms().Match(sample.Prompt);
        if (!match.Success)
        {
            return CheckResult.Fail("terms not found");
        }

        long[] t = match.Groups["t"].Value.Split(", ").Select(s => long.Parse(s, System.Globalization.CultureInfo.InvariantCulture)).ToArray();

        // Try each rule; every rule that explains all shown terms must predict the same next term.
        var predictions = new HashSet<long>();
        long[] d1 = Differences(t);
        long[] d2 = Differences(d1);
        if (d1.Distinct().Count() == 1)
        {
            predictions.Add(t[^1] + d1[0]);
        }

        if (d2.Distinct().Count() == 1)
        {
            predictions.Add(t[^1] + d1[^1] + d2[0]);
        }

        if (d1[0] != 0 && d1[1] % d1[0] == 0)
        {
            long r = d1[1] / d1[0];
            long c = t[1] - (r * t[0]);
            if (Enumerable.Range(1, t.Length - 1).All(i => t[i] == (r * t[i - 1]) + c))
            {
                predictions.Add((r * t[^1]) + c);
            }
        }

        if (d1.Where((_, i) => i % 2 == 0).Distinct().Count() == 1 && d1.Where((_, i) => i % 2 == 1).Distinct().Count() == 1)
        {
            predictions.Add(t[^1] + d1[^2]);
        }

        if (Enumerable.Range(2, t.Length - 2).All(i => t[i] == t[i - 1] + t[i - 2]))
        {
            predictions.Add(t[^1] + t[^2]);
        }

        return predictions.Count switch
        {
            0 => CheckResult.Fail("no rule explains the terms"),
            1 => PromptText.CheckNumber(sample, predictions.Single()),
            _ => CheckResult.Fail("the terms are ambiguous"),
        };
    }

    private static long[] Differences(long[] t) => t.Skip(1).Select((v, i) => v - t[i]).ToArray();

    [GeneratedRegex(@"^[\w ]+: (?<t>\d+(?:, \d+)+), \.\.\.")]
    private static partial Regex Terms();
}
