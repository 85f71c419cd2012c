using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace BenchmarkAgent.Families;

/// <summary>
/// A tiny generated Python program (assignments at Easy, a counting loop at Medium, a loop with an
/// if/else over two accumulators at Hard); the model predicts the number it prints.
/// </summary>
internal sealed partial class ProgramOutputFamily : ITaskFamily
{
    private static readonly string[] VariableNames = ["a", "b", "c", "x", "y", "z", "n", "m", "total", "count", "acc", "score"];

    /// <inheritdoc />
    public TaskFamilyCard Card { get; } = new(
        "program-output",
        "Predict a program's output",
        "A short generated Python snippet with assignments, a for loop, and at Hard an if/else inside the loop; the model gives the single number it prints.",
        "code",
        ["code", "programming", "python", "program output", "code execution", "tracing", "loops", "variables", "code reasoning", "interpreter"],
        AnswerType.Number);

    /// <inheritdoc />
    public FamilySample Generate(ulong seed, Difficulty difficulty)
    {
        var rng = new DeterministicRandom(seed);
        var names = rng.Shuffle(VariableNames).Take(3).ToList();
        string p = names[0], q = names[1], r = names[2];
        long vp = rng.Between(1, 20), vq = rng.Between(1, 20);
        var code = new StringBuilder($"{p} = {vp}\n{q} = {vq}\n");
        long result;
        switch (difficulty)
        {
            case Difficulty.Easy:
                int k = rng.Between(2, 5);
                code.Append($"{r} = {p} + {q}\n{p} = {r} * {k}\nprint({p} + {q})\n");
                result = ((vp + vq) * k) + vq;
                break;
            case Difficulty.Medium:
                int n = rng.Between(3, 8);
                int step = rng.Between(1, 5);
                code.Append($"for i in range({n}):\n    {p} = {p} + i * {step}\n    {q} = {q} + 1\nprint({p} + {q})\n");
                result = vp + (step * n * (n - 1) / 2) + vq + n;
                break;
            default:
                int loops = rng.Between(4, 9);
                int add = rng.Between(1, 6);
                int mul = rng.Between(2, 3);
                code.Append($"for i in range({loops}):\n    if i % 2 == 0:\n        {p} = {p} + i + {add}\n    else:\n        {q} = {q} * {mul}\nprint({p} + {q})\n");
                long sp = vp, sq = vq;
                for (int i = 0; i < loops; i++)
                {
                    if (i % 2 == 0)
                    {
                        sp += i + add;
                    }
                    else
                    {
                        sq *= mul;
                    }
                }

                result = sp + sq;
                break;
        }

        string intro = rng.Pick(["What does this Python program print?", "Consider the following Python code.", "Trace this Python snippet by hand."]);
        string text = $"{intro}\n\n```python\n{code}```\n\nWhat number is printed? Answer with a single number.";
        return new FamilySample(text, ExpectedAnswer.Number(result));
    }

    /// <inheritdoc />
    public CheckResult Check(FamilySample sample)
    {
        ArgumentNullException.ThrowIfNull(sample);
        var block = CodeBlock().Match(sample.Prompt);
        if (!block.Success)
        {
            return CheckResult.Fail("code block not found");
        }

        // A small interpreter for the subset the generator writes: assignments, for/range, if/else, print.
        var lines = block.Groups["code"].Value.TrimEnd('\n').Split('\n');
        var env = new Dictionary<string, long>(StringComparer.Ordinal);
        var output = new List<long>();
        try
        {
            Run(lines, 0, lines.Length, env, output);
        }
        catch (FormatException e)
        {
            return CheckResult.Fail(e.Message);
        }

        return output.Count == 1 ? PromptText.CheckNumber(sample, output[0]) : CheckResult.Fail("expected exactly one print");
    }

    private static int Indent(string line) => line.Length - line.TrimStart(' ').Length;

    private static int BlockEnd(string[] lines, int start, int end, int indent)
    {
        int j = start;
        while (j < end && Indent(lines[j]) > indent)
        {
            j++;
        }

        return j;
    }

    private static void Run(string[] lines, int start, int end, Dictionary<string, long> env, List<long> output)
    {
        int i = start;
        while (i < end)
        {
            string line = lines[i].Trim();
            int indent = Indent(lines[i]);
            if (ForLoop().Match(line) is { Success: true } loop)
            {
                int bodyEnd = BlockEnd(lines, i + 1, end, indent);
                long count = long.Parse(loop.Groups["n"].Value, CultureInfo.InvariantCulture);
                for (long k = 0; k < count; k++)
                {
                    env[loop.Groups["v"].Value] = k;
                    Run(lines, i + 1, bodyEnd, env, output);
                }

                i = bodyEnd;
            }
            else if (IfEven().Match(line) is { Success: true } cond)
            {
                int thenEnd = BlockEnd(lines, i + 1, end, indent);
                bool hasElse = thenEnd < end && lines[thenEnd].Trim() == "else:";
                int elseEnd = hasElse ? BlockEnd(lines, thenEnd + 1, end, indent) : thenEnd;
                long m = long.Parse(cond.Groups["m"].Value, CultureInfo.InvariantCulture);
                long want = long.Parse(cond.Groups["r"].Value, CultureInfo.InvariantCulture);
                if (Eval(cond.Groups["v"].Value, env) % m == want)
                {
                    Run(lines, i + 1, thenEnd, env, output);
                }
                else if (hasElse)
                {
                    Run(lines, thenEnd + 1, elseEnd, env, output);
                }

                i = elseEnd;
            }
            else if (Print().Match(line) is { Success: true } print)
            {
                output.Add(Eval(print.Groups["e"].Value, env));
                i++;
            }
            else if (Assign().Match(line) is { Success: true } assign)
            {
                env[assign.Groups["v"].Value] = Eval(assign.Groups["e"].Value, env);
                i++;
            }
            else
            {
                throw new FormatException($"line not understood: {line}");
            }
        }
    }

    // Sums of products, evaluated with the usual precedence of * over + and -.
    private static long Eval(string expression, Dictionary<string, long> env)
    {
        long total = 0;
        foreach (Match term in Term().Matches(" + " + expression))
        {
            long product = 1;
            foreach (string factor in term.Groups["t"].Value.Split(" * "))
            {
                product *= long.TryParse(factor, NumberStyles.Integer, CultureInfo.InvariantCulture, out long n)
                    ? n
                    : env.TryGetValue(factor, out long v) ? v : throw new FormatException($"unknown name {factor}");
            }

            total += term.Groups["s"].Value == "-" ? -product : product;
        }

        return total;
    }

    [GeneratedRegex(@"```python\n(?<code>.*?)```", RegexOptions.Singleline)]
    private static partial Regex CodeBlock();

    [GeneratedRegex(@"^for (?<v>\w+) in range\((?<n>\d+)\):$")]
    private static partial Regex ForLoop();

    [GeneratedRegex(@"^if (?<v>\w+) % (?<m>\d+) == (?<r>\d+):$")]
    private static partial Regex IfEven();

    [GeneratedRegex(@"^print\((?<e>.+)\)$")]
    private static partial Regex Print();

    [GeneratedRegex(@"^(?<v>\w+) = (?<e>.+)$")]
    private static partial Regex Assign();

    [GeneratedRegex(@" (?<s>[+-]) (?<t>\w+(?: \* \w+)*)")]
    private static partial Regex Term();
}
