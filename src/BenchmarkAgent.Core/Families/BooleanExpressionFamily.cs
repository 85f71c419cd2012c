using System.Text;
using System.Text.RegularExpressions;

namespace BenchmarkAgent.Families;

/// <summary>
/// Evaluates a parenthesised Boolean expression over integer comparisons and named variables with and, or,
/// not and (at Hard) xor; the answer is true or false.
/// </summary>
internal sealed partial class BooleanExpressionFamily : ITaskFamily
{
    private static readonly string[] Variables = ["P", "Q", "R", "S", "T"];
    private static readonly string[] Comparisons = ["<", ">", "==", "!="];

    /// <inheritdoc />
    public TaskFamilyCard Card { get; } = new(
        "boolean-expression",
        "Boolean expression evaluation",
        "A parenthesised Boolean expression built from integer comparisons and true/false variables with and, or, not and xor; the model evaluates it to true or false.",
        "logic",
        ["boolean logic", "truth values", "logical operators", "and or not", "xor", "expression evaluation", "propositional logic", "code reasoning", "bbh boolean expressions"],
        AnswerType.ShortText);

    /// <inheritdoc />
    public FamilySample Generate(ulong seed, Difficulty difficulty)
    {
        var rng = new DeterministicRandom(seed);
        int ops = difficulty switch { Difficulty.Easy => 2, Difficulty.Medium => rng.Between(3, 4), _ => rng.Between(5, 6) };
        int varCount = difficulty == Difficulty.Easy ? 0 : difficulty == Difficulty.Medium ? 3 : 4;
        var values = Variables.Take(varCount).Select(_ => rng.Chance(0.5)).ToArray();
        string[] binary = difficulty == Difficulty.Hard ? ["and", "or", "xor"] : ["and", "or"];
        double notChance = difficulty == Difficulty.Easy ? 0.15 : 0.3;

        (string Text, bool Value) Leaf()
        {
            if (varCount > 0 && rng.Chance(0.5))
            {
                int v = rng.Next(varCount);
                return (Variables[v], values[v]);
            }

            int a = rng.Between(0, 20), b = rng.Between(0, 20);
            string op = rng.Pick(Comparisons);
            bool result = op switch { "<" => a < b, ">" => a > b, "==" => a == b, _ => a != b };
            return ($"{a} {op} {b}", result);
        }

        // Builds a tree with exactly `n` binary operators; every binary node below the root is parenthesised.
        (string Text, bool Value) Build(int n, bool root)
        {
            (string Text, bool Value) node;
            if (n == 0)
            {
                node = Leaf();
            }
            else
            {
                int left = rng.Next(n);
                var l = Build(left, false);
                var r = Build(n - 1 - left, false);
                string op = rng.Pick(binary);
                bool value = op switch { "and" => l.Value && r.Value, "or" => l.Value || r.Value, _ => l.Value ^ r.Value };
                node = root ? ($"{l.Text} {op} {r.Text}", value) : ($"({l.Text} {op} {r.Text})", value);
            }

            if (rng.Chance(notChance))
            {
                string inner = (n > 0 && root) || (n == 0 && node.Text.Contains(' ', StringComparison.Ordinal)) ? $"({node.Text})" : node.Text;
                node = ($"not {inner}", !node.Value);
            }

            return node;
        }

        var expression = Build(ops, true);
        var builder = new StringBuilder();
        if (varCount > 0)
        {
            var assignments = Variables.Take(varCount).Select((name, i) => $"{name} = {(values[i] ? "true" : "false")}").ToList();
            builder.Append("Let ").Append(PromptText.JoinAnd(assignments)).Append(". ");
        }

        builder.Append(rng.Chance(0.5) ? "Evaluate the expression: " : "What is the value of ").Append(expression.Text).Append('\n');
        builder.Append("\nHere == means equal and != means not equal");
        builder.Append(difficulty == Difficulty.Hard ? ", and xor is true when exactly one side is true." : ".");
        builder.Append(" Answer with true or false.");
        return new FamilySample(builder.ToString(), ExpectedAnswer.Text(expression.Value ? "true" : "false"));
    }

    /// <inheritdoc />
    public CheckResult Check(FamilySample sample)
    {
        ArgumentNullException.ThrowIfNull(sample);
        var env = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (Match a in Assignment().Matches(sample.Prompt))
        {
            env[a.Groups["v"].Value] = a.Groups["b"].Value == "true";
        }

        var line = ExpressionLine().Match(sample.Prompt);
        if (!line.Success)
        {
            return CheckResult.Fail("expression not found");
        }

        var tokens = Token().Matches(line.Groups["e"].Value).Select(m => m.Value).ToList();
        int pos = 0;
        try
        {
            bool value = ParseExpression(tokens, ref pos, env);
            return pos != tokens.Count
                ? CheckResult.Fail("trailing tokens")
                : PromptText.CheckText(sample, value ? "true" : "false");
        }
        catch (FormatException e)
        {
            return CheckResult.Fail(e.Message);
        }
    }

    // expression := unary { (and|or|xor) unary }, evaluated left to right (sub-expressions are parenthesised).
    private static bool ParseExpression(List<string> tokens, ref int pos, Dictionary<string, bool> env)
    {
        bool value = ParseUnary(tokens, ref pos, env);
        while (pos < tokens.Count && tokens[pos] is "and" or "or" or "xor")
        {
            string op = tokens[pos++];
            bool right = ParseUnary(tokens, ref pos, env);
            value = op == "and" ? value & right : op == "or" ? value | right : value != right;
        }

        return value;
    }

    private static bool ParseUnary(List<string> tokens, ref int pos, Dictionary<string, bool> env)
    {
        if (pos >= tokens.Count)
        {
            throw new FormatException("unexpected end of expression");
        }

        string token = tokens[pos++];
        if (token == "not")
        {
            return !ParseUnary(tokens, ref pos, env);
        }

        if (token == "(")
        {
            bool inner = ParseExpression(tokens, ref pos, env);
            if (pos >= tokens.Count || tokens[pos++] != ")")
            {
                throw new FormatException("missing closing parenthesis");
            }

            return inner;
        }

        if (env.TryGetValue(token, out bool variable))
        {
            return variable;
        }

        if (int.TryParse(token, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int left) && pos + 1 < tokens.Count)
        {
            string op = tokens[pos++];
            int right = PromptText.ParseInt(tokens[pos++]);
            int cmp = left.CompareTo(right);
            return op switch
            {
                "<" => cmp < 0,
                ">" => cmp > 0,
                "==" => cmp == 0,
                "!=" => cmp != 0,
                _ => throw new FormatException($"unknown comparison {op}"),
            };
        }

        throw new FormatException($"unexpected token {token}");
    }

    [GeneratedRegex(@"\b(?<v>[A-Z]) = (?<b>true|false)\b")]
    private static partial Regex Assignment();

    [GeneratedRegex(@"(?:Evaluate the expression: |What is the value of )(?<e>[^\n]+)\n")]
    private static partial Regex ExpressionLine();

    [GeneratedRegex(@"\(|\)|==|!=|<|>|\w+")]
    private static partial Regex Token();
}
