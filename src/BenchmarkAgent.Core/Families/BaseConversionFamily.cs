using System.Text;
using System.Text.RegularExpressions;

namespace BenchmarkAgent.Families;

/// <summary>
/// Converts integers between number bases: decimal, binary and octal at Easy, hexadecimal and larger values
/// at Medium, and at Hard the sum of three numbers written in one base, to be given in another.
/// </summary>
internal sealed partial class BaseConversionFamily : ITaskFamily
{
    private static readonly string[] Places =
    [
        "from a sensor display", "on a whiteboard", "in a lab notebook", "from an old terminal", "on a sticky note",
        "in a log file", "from a debugger", "on a receipt",
    ];

    private static readonly string[] Verbs = ["reads", "copies", "finds", "writes down"];

    /// <inheritdoc />
    public TaskFamilyCard Card { get; } = new(
        "base-conversion",
        "Number base conversion",
        "An integer is converted between decimal, binary, octal, hexadecimal and unusual bases such as 3, 5 or 7, or, at Hard, three numbers in one base are added and the sum given in another base.",
        "code",
        ["binary", "hexadecimal", "octal", "number bases", "base conversion", "radix", "bits", "computer science", "positional notation"],
        AnswerType.ShortText);

    /// <inheritdoc />
    public FamilySample Generate(ulong seed, Difficulty difficulty)
    {
        var rng = new DeterministicRandom(seed);
        string who = rng.Pick(Lexicon.Names);
        (int from, int to) = difficulty switch
        {
            Difficulty.Easy => rng.Pick(new[] { (10, 2), (2, 10), (10, 8), (8, 10) }),
            Difficulty.Medium => rng.Pick(new[] { (10, 16), (16, 10), (2, 16), (16, 2), (8, 16) }),
            _ => rng.Pick(new[] { (2, 16), (2, 10), (2, 2), (3, 10), (5, 16), (7, 2), (8, 2), (10, 5), (16, 3) }),
        };

        int max = difficulty switch { Difficulty.Easy => 255, Difficulty.Medium => 4095, _ => 65535 };
        int x = rng.Between(9, max);
        var builder = new StringBuilder();
        int value;
        if (difficulty == Difficulty.Hard)
        {
            var terms = Enumerable.Range(0, 3).Select(_ => rng.Between(300, max)).ToList();
            builder.Append($"{who} adds the {Name(from)} numbers {PromptText.JoinAnd(terms.Select(t => Write(t, from)).ToList())} {rng.Pick(Places)}.");
            builder.Append($" What is the sum in {Name(to)}?");
            value = terms.Sum();
        }
        else
        {
            builder.Append($"{who} {rng.Pick(Verbs)} the {Name(from)} number {Write(x, from)} {rng.Pick(Places)}.");
            builder.Append(rng.Chance(0.5) ? $" What is this number in {Name(to)}?" : $" What is this number when written in {Name(to)}?");
            value = x;
        }

        builder.Append(" Answer with the digits only, with no prefix, and use uppercase letters for digits above 9.");
        return new FamilySample(builder.ToString(), ExpectedAnswer.Text(Write(value, to)));
    }

    /// <inheritdoc />
    public CheckResult Check(FamilySample sample)
    {
        ArgumentNullException.ThrowIfNull(sample);
        var m = Numbers().Match(sample.Prompt);
        var target = Target().Match(sample.Prompt);
        if (!m.Success || !target.Success || Radix(m.Groups["from"].Value) is not int from || Radix(target.Groups["to"].Value) is not int to)
        {
            return CheckResult.Fail("numbers or bases not recognised");
        }

        long total = 0;
        foreach (Capture digits in m.Groups["x"].Captures)
        {
            // Horner's rule over the digit characters.
            long v = 0;
            foreach (char c in digits.Value)
            {
                int d = c <= '9' ? c - '0' : c - 'A' + 10;
                if (d >= from)
                {
                    return CheckResult.Fail($"digit {c} is not valid in base {from}");
                }

                v = (v * from) + d;
            }

            total += v;
        }

        var stack = new Stack<char>();
        do
        {
            stack.Push("0123456789ABCDEF"[(int)(total % to)]);
            total /= to;
        }
        while (total > 0);
        return PromptText.CheckText(sample, new string(stack.ToArray()));
    }

    private static string Name(int radix) => radix switch
    {
        2 => "binary",
        8 => "octal",
        10 => "decimal",
        16 => "hexadecimal",
        _ => $"base-{radix}",
    };

    private static int? Radix(string name) => name switch
    {
        "binary" => 2,
        "octal" => 8,
        "decimal" => 10,
        "hexadecimal" => 16,
        "base-3" => 3,
        "base-5" => 5,
        "base-7" => 7,
        _ => null,
    };

    private static string Write(int value, int radix) => radix switch
    {
        2 or 8 or 16 => Convert.ToString(value, radix).ToUpperInvariant(),
        10 => PromptText.Num(value),
        _ => value < radix ? PromptText.Num(value) : Write(value / radix, radix) + PromptText.Num(value % radix),
    };

    [GeneratedRegex(@"the (?<from>[\w-]+) numbers? (?<x>[0-9A-F]+)(?:(?:,| and) (?<x>[0-9A-F]+))*")]
    private static partial Regex Numbers();

    [GeneratedRegex(@"in (?<to>[\w-]+)\? Answer")]
    private static partial Regex Target();
}
