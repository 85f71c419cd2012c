using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using BenchmarkAgent.Grounding;

namespace BenchmarkAgent.Transformations;

/// <summary>
/// Re-templates a GSM8K-style record: replaces the integer numbers of the question with new values of
/// similar magnitude, re-evaluates every calculator annotation <c>&lt;&lt;48/2=24&gt;&gt;</c> of the solution
/// in order with <see cref="ArithmeticEvaluator"/> (earlier results flow into later steps), and takes the
/// last annotation's result as the new answer. Records it cannot map safely are rejected (null).
/// </summary>
internal sealed partial class NumericRetemplating : RecordTransformation
{
    /// <summary>How many sets of new values are tried before the record is rejected.</summary>
    public const int MaxAttempts = 16;

    /// <inheritdoc/>
    public override string Name => "numeric-retemplating";

    /// <inheritdoc/>
    public override double Simplicity => 0.5;

    /// <inheritdoc/>
    public override double Risk => 0.3;

    /// <inheritdoc/>
    public override bool AppliesTo(DatasetRecord record, AnswerType type) =>
        type == AnswerType.Number
        && record.Output.Contains("<<", StringComparison.Ordinal)
        && record.Output.Contains("####", StringComparison.Ordinal);

    /// <inheritdoc/>
    public override TransformedRecord? Transform(DatasetRecord record, AnswerType type, IReadOnlyList<DatasetRecord> pool, DeterministicRandom rng)
    {
        var plan = Analyse(record.Input, record.Output);
        if (plan is null)
        {
            return null;
        }

        for (int attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var values = new Dictionary<decimal, decimal>();
            foreach (decimal original in plan.QuestionValues)
            {
                values[original] = NewValue(original, rng);
            }

            if (values.All(kv => kv.Key == kv.Value))
            {
                continue;
            }

            var results = Evaluate(plan, values);
            if (results is null)
            {
                continue;
            }

            string question = RewriteQuestion(record.Input, plan, values);
            string solution = RewriteSolution(record.Output, plan, values, results);
            var rewritten = record with { Input = question, Output = solution };
            rewritten = rewritten
                .WithField(SampleFields.Solution, solution)
                .WithField(SampleFields.OriginalInput, record.Input);
            return new TransformedRecord(rewritten, AnswerType.Number);
        }

        return null;
    }

    /// <summary>The calculator annotations of a solution, as (expression, stated result) pairs in order.</summary>
    public static IReadOnlyList<(string Expression, string Result)> Annotations(string solution)
    {
        ArgumentNullException.ThrowIfNull(solution);
        return Annotation().Matches(solution).Select(m => (m.Groups[1].Value, m.Groups[2].Value)).ToList();
    }

    private static Plan? Analyse(string question, string solution)
    {
        var questionNumbers = new List<Match>();
        foreach (Match match in Number().Matches(question))
        {
            int end = match.Index + match.Length;
            char before = match.Index > 0 ? question[match.Index - 1] : ' ';
            char after = end < question.Length ? question[end] : ' ';
            char afterNext = end + 1 < question.Length ? question[end + 1] : ' ';
            if (char.IsLetter(before) || char.IsLetter(after) || before is '/' or ':' or '.' or '-' || after is '/' or ':'
                || (after is '.' or ',' && char.IsDigit(afterNext)) || match.Value.Contains('.') || !TryParseNumber(match.Value, out _))
            {
                // Ordinals (5th), times (3:00), fractions (1/2), ranges, decimals and numbers too large for a decimal
                // cannot be re-templated safely.
                return null;
            }

            questionNumbers.Add(match);
        }

        // Counts and indexes are kept in dictionaries so the analysis stays linear in the number of steps and
        // numbers (a hostile record can hold tens of thousands of either; list scans per step were quadratic).
        var questionCounts = new Dictionary<decimal, int>();
        foreach (var match in questionNumbers)
        {
            decimal value = ParseNumber(match.Value);
            questionCounts[value] = questionCounts.GetValueOrDefault(value) + 1;
        }

        var questionValues = questionNumbers.Select(m => ParseNumber(m.Value)).Where(v => v > 0).Distinct().ToList();
        var questionSet = questionValues.ToHashSet();
        var implied = ImpliedConstants(question);
        if (questionValues.Any(implied.Contains))
        {
            // "Jordan has 2 children ... changes half of the diapers": the solution's 2 may be the question's 2
            // or the constant behind "half"; the two cannot be told apart, so the record is not re-templated.
            return null;
        }

        var annotations = Annotation().Matches(solution).ToList();
        if (questionValues.Count == 0 || annotations.Count == 0)
        {
            return null;
        }

        var steps = new List<Step>();
        var used = new HashSet<decimal>();
        var resultValues = new List<decimal>();
        var lastResultIndex = new Dictionary<decimal, int>();
        foreach (Match annotation in annotations)
        {
            string expression = annotation.Groups[1].Value;
            if (!ArithmeticEvaluator.TryEvaluate(expression, out decimal evaluated, out _)
                || !decimal.TryParse(annotation.Groups[2].Value.Trim(), NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out decimal stated)
                || evaluated != stated)
            {
                // The original step does not check out exactly; the re-evaluated one could not be trusted.
                return null;
            }

            var operands = new List<Operand>();
            foreach (Match literal in Literal().Matches(expression))
            {
                if (!TryParseNumber(literal.Value, out decimal value))
                {
                    return null;
                }

                int result = lastResultIndex.GetValueOrDefault(value, -1);
                bool fromQuestion = questionSet.Contains(value);
                if (result >= 0 && fromQuestion)
                {
                    return null; // ambiguous: an earlier result or a number of the question
                }

                operands.Add(new Operand(literal.Index, literal.Length, value, result, fromQuestion));
                if (fromQuestion)
                {
                    used.Add(value);
                }
            }

            // "2/2" for "half of 2": a question number used more often in one step than the question states it
            // is probably a constant in disguise, which re-templating would change by mistake.
            foreach (var group in operands.Where(o => o.FromQuestion).GroupBy(o => o.Value))
            {
                if (group.Count() > questionCounts.GetValueOrDefault(group.Key))
                {
                    return null;
                }
            }

            steps.Add(new Step(annotation, operands, stated));
            lastResultIndex[stated] = resultValues.Count;
            resultValues.Add(stated);
        }

        if (!questionValues.All(used.Contains))
        {
            return null; // a number of the question cannot be mapped to the solution
        }

        if (!AnswerInference.TryParseNumber(AnswerInference.FinalAnswer(solution), out decimal final) || final != resultValues[^1])
        {
            return null;
        }

        return new Plan(questionNumbers, questionValues, steps);
    }

    private static List<decimal>? Evaluate(Plan plan, Dictionary<decimal, decimal> values)
    {
        var results = new List<decimal>(plan.Steps.Count);
        foreach (var step in plan.Steps)
        {
            if (!ArithmeticEvaluator.TryEvaluate(RewriteExpression(step, values, results), out decimal value, out _))
            {
                return null;
            }

            bool wasIntegral = step.Original == decimal.Truncate(step.Original);
            if ((step.Original >= 0 && value < 0) || (wasIntegral && value != decimal.Truncate(value)))
            {
                return null; // counts must stay non-negative, whole quantities whole
            }

            results.Add(value);
        }

        decimal final = results[^1];
        return final >= 0 && final == decimal.Truncate(final) ? results : null;
    }

    private static string RewriteExpression(Step step, Dictionary<decimal, decimal> values, List<decimal> results)
    {
        string expression = step.Match.Groups[1].Value;
        var builder = new StringBuilder(expression.Length + 8);
        int position = 0;
        foreach (var operand in step.Operands)
        {
            builder.Append(expression, position, operand.Index - position);
            decimal value = operand.Result >= 0 ? results[operand.Result]
                : operand.FromQuestion ? values[operand.Value]
                : operand.Value;
            builder.Append(operand.Result < 0 && !operand.FromQuestion
                ? expression.AsSpan(operand.Index, operand.Length)
                : ExpectedAnswer.FormatNumber(value));
            position = operand.Index + operand.Length;
        }

        builder.Append(expression, position, expression.Length - position);
        return builder.ToString();
    }

    private static string RewriteQuestion(string question, Plan plan, Dictionary<decimal, decimal> values)
    {
        var builder = new StringBuilder(question.Length + 16);
        int position = 0;
        foreach (var match in plan.QuestionNumbers)
        {
            builder.Append(question, position, match.Index - position);
            decimal original = ParseNumber(match.Value);
            decimal value = values.GetValueOrDefault(original, original);
            builder.Append(match.Value.Contains(',')
                ? value.ToString("#,0", CultureInfo.InvariantCulture)
                : ExpectedAnswer.FormatNumber(value));
            position = match.Index + match.Length;
        }

        builder.Append(question, position, question.Length - position);
        return builder.ToString();
    }

    private static string RewriteSolution(string solution, Plan plan, Dictionary<decimal, decimal> values, List<decimal> results)
    {
        int marker = solution.LastIndexOf("####", StringComparison.Ordinal);
        string body = solution[..marker];
        var builder = new StringBuilder(solution.Length + 32);
        int position = 0;
        var latestStep = new Dictionary<decimal, int>(); // original result -> the latest step before this point that stated it
        for (int k = 0; k <= plan.Steps.Count; k++)
        {
            int end = k < plan.Steps.Count ? plan.Steps[k].Match.Index : body.Length;
            // Prose numbers are rewritten for readability only: results of steps before this point first, then question numbers.
            builder.Append(Number().Replace(body[position..end], m =>
            {
                if (!TryParseNumber(m.Value, out decimal value))
                {
                    return m.Value;
                }

                if (latestStep.TryGetValue(value, out int j))
                {
                    return ExpectedAnswer.FormatNumber(results[j]);
                }

                return values.TryGetValue(value, out decimal mapped) ? ExpectedAnswer.FormatNumber(mapped) : m.Value;
            }));
            if (k == plan.Steps.Count)
            {
                break;
            }

            var step = plan.Steps[k];
            // Operands only refer to results of earlier steps, so the full list reads the same as its first k entries.
            builder.Append("<<").Append(RewriteExpression(step, values, results))
                .Append('=').Append(ExpectedAnswer.FormatNumber(results[k])).Append(">>");
            position = step.Match.Index + step.Match.Length;
            latestStep[step.Original] = k;
        }

        builder.Append("#### ").Append(ExpectedAnswer.FormatNumber(results[^1]));
        return builder.ToString();
    }

    /// <summary>The constants words of the question stand for ("half" is 2, "dozen" 12, "three" 3, "hours" 60...).</summary>
    private static HashSet<decimal> ImpliedConstants(string question)
    {
        var constants = new HashSet<decimal>();
        foreach (Match word in Word().Matches(question.ToLowerInvariant()))
        {
            foreach (var (root, value) in ConstantWords)
            {
                if (word.Value.StartsWith(root, StringComparison.Ordinal))
                {
                    constants.Add(value);
                }
            }
        }

        if (question.Contains('%'))
        {
            constants.Add(100);
        }

        return constants;
    }

    private static decimal NewValue(decimal original, DeterministicRandom rng)
    {
        if (original <= 0 || original != decimal.Truncate(original) || original > 100_000_000)
        {
            return original;
        }

        long v = (long)original;
        if (v < 10)
        {
            for (int i = 0; i < 8; i++)
            {
                int candidate = rng.Between(2, 9);
                if (candidate != v)
                {
                    return candidate;
                }
            }

            return original;
        }

        int digits = v.ToString(CultureInfo.InvariantCulture).Length;
        long unit = 1;
        while (v % (unit * 10) == 0 && unit * 10 < v)
        {
            unit *= 10;
        }

        if (unit == 1 && v % 5 == 0)
        {
            unit = 5;
        }

        long lo = Math.Max(Pow10(digits - 1), (v + 1) / 2);
        long hi = Math.Min(Pow10(digits) - 1, v * 2);
        long mLo = (lo + unit - 1) / unit, mHi = hi / unit;
        if (mHi <= mLo)
        {
            return original;
        }

        for (int i = 0; i < 8; i++)
        {
            long candidate = unit * (mLo + (long)(rng.NextDouble() * (mHi - mLo + 1)));
            if (candidate != v)
            {
                return candidate;
            }
        }

        return original;
    }

    private static long Pow10(int exponent)
    {
        long result = 1;
        for (int i = 0; i < exponent; i++)
        {
            result *= 10;
        }

        return result;
    }

    private static decimal ParseNumber(string text) =>
        TryParseNumber(text, out decimal value) ? value : throw new FormatException("Not a number a decimal can hold.");

    /// <summary>Parses a number of the text; false when it does not fit a decimal (a hostile run of digits).</summary>
    private static bool TryParseNumber(string text, out decimal value) =>
        decimal.TryParse(text.Replace(",", string.Empty, StringComparison.Ordinal), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);

    private static readonly (string Root, decimal Value)[] ConstantWords =
    [
        ("one", 1), ("two", 2), ("three", 3), ("four", 4), ("five", 5), ("six", 6), ("seven", 7), ("eight", 8), ("nine", 9),
        ("ten", 10), ("eleven", 11), ("twelve", 12), ("twenty", 20), ("thirty", 30), ("forty", 40), ("fifty", 50),
        ("half", 2), ("halv", 2), ("twice", 2), ("doubl", 2), ("pair", 2), ("both", 2), ("twin", 2), ("couple", 2),
        ("tripl", 3), ("thrice", 3), ("third", 3), ("quarter", 4), ("fourth", 4), ("fifth", 5), ("dozen", 12),
        ("percent", 100), ("hundred", 100), ("thousand", 1000), ("cent", 100), ("week", 7), ("hour", 60), ("minute", 60),
        ("day", 24), ("month", 12), ("month", 30), ("year", 12), ("year", 365), ("year", 52), ("foot", 12), ("feet", 12),
        ("yard", 3), ("inch", 12), ("decade", 10), ("century", 100), ("score", 20), ("gallon", 4), ("quart", 4), ("pound", 16),
    ];

    [GeneratedRegex(@"[a-z]+", RegexOptions.CultureInvariant)]
    private static partial Regex Word();

    [GeneratedRegex(@"<<([^<>=]*)=([^<>]*)>>", RegexOptions.CultureInvariant)]
    private static partial Regex Annotation();

    [GeneratedRegex(@"\d+(?:,\d{3})*(?:\.\d+)?", RegexOptions.CultureInvariant)]
    private static partial Regex Number();

    [GeneratedRegex(@"\d+(?:\.\d+)?|\.\d+", RegexOptions.CultureInvariant)]
    private static partial Regex Literal();

    private sealed record Operand(int Index, int Length, decimal Value, int Result, bool FromQuestion);

    private sealed record Step(Match Match, IReadOnlyList<Operand> Operands, decimal Original);

    private sealed record Plan(IReadOnlyList<Match> QuestionNumbers, IReadOnlyList<decimal> QuestionValues, IReadOnlyList<Step> Steps);
}
