using System.Text.RegularExpressions;
using BenchmarkAgent.Grounding;

namespace BenchmarkAgent.Transformations;

/// <summary>
/// Turns an open question into a multiple-choice one: exactly one correct option, distractors mined
/// from other records' answers and, for numbers, near-misses (±1, ×10, ÷10, ×2, ÷2, ± a number of the question).
/// </summary>
internal sealed partial class OpenToMultipleChoice : RecordTransformation
{
    /// <summary>Creates the transformation with <paramref name="optionCount"/> options per item (2..5).</summary>
    public OpenToMultipleChoice(int optionCount = 4)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(optionCount, 2);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(optionCount, 5);
        OptionCount = optionCount;
    }

    /// <summary>The number of options per item.</summary>
    public int OptionCount { get; }

    /// <inheritdoc/>
    public override string Name => "open-to-multiple-choice";

    /// <inheritdoc/>
    public override double Simplicity => 0.8;

    /// <inheritdoc/>
    public override double Risk => 0.15;

    /// <inheritdoc/>
    public override bool AppliesTo(DatasetRecord record, AnswerType type) => type switch
    {
        AnswerType.Number => AnswerInference.TryParseNumber(AnswerInference.FinalAnswer(record.Output), out _),
        AnswerType.ShortText => AnswerInference.FinalAnswer(record.Output).Length > 0,
        _ => false,
    };

    /// <inheritdoc/>
    public override TransformedRecord? Transform(DatasetRecord record, AnswerType type, IReadOnlyList<DatasetRecord> pool, DeterministicRandom rng)
    {
        string answer = AnswerInference.FinalAnswer(record.Output);
        List<string> distractors;
        string correct;
        if (type == AnswerType.Number)
        {
            if (!AnswerInference.TryParseNumber(answer, out decimal value))
            {
                return null;
            }

            correct = ExpectedAnswer.FormatNumber(value);
            distractors = NumericDistractors(record, value, pool, rng);
        }
        else
        {
            correct = answer;
            distractors = TextDistractors(record, answer, pool, rng);
        }

        if (distractors.Count < OptionCount - 1)
        {
            return null;
        }

        var options = rng.Shuffle(distractors.Take(OptionCount - 1).Prepend(correct));
        var rewritten = record with { Output = ChoiceOptions.Letter(options.IndexOf(correct)) };
        rewritten = rewritten.WithField(SampleFields.Choices, string.Join("\n", options));
        if (rewritten.Fields.ContainsKey(SampleFields.Instruction))
        {
            var fields = new Dictionary<string, string>(rewritten.Fields, StringComparer.Ordinal);
            fields.Remove(SampleFields.Instruction);
            rewritten = rewritten with { Fields = fields };
        }

        return new TransformedRecord(rewritten, AnswerType.Choice);
    }

    private List<string> NumericDistractors(DatasetRecord record, decimal value, IReadOnlyList<DatasetRecord> pool, DeterministicRandom rng)
    {
        var near = new List<decimal> { value + 1, value - 1, value * 10, value * 2 };
        if (value % 10 == 0)
        {
            near.Add(value / 10);
        }

        if (value % 2 == 0)
        {
            near.Add(value / 2);
        }

        // Off by one step: a number of the question added or subtracted once too often.
        foreach (Match match in QuestionNumber().Matches(record.Input))
        {
            if (decimal.TryParse(match.Value.Replace(",", string.Empty, StringComparison.Ordinal), System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out decimal step) && step > 0)
            {
                near.Add(value + step);
                near.Add(value - step);
            }
        }

        bool nonNegative = value >= 0;
        bool integral = value == decimal.Truncate(value);
        var seen = new HashSet<string>(StringComparer.Ordinal) { ExpectedAnswer.FormatNumber(value) };
        var result = new List<string>();
        void Add(decimal candidate)
        {
            if ((nonNegative && candidate < 0) || (integral && candidate != decimal.Truncate(candidate)))
            {
                return;
            }

            string text = ExpectedAnswer.FormatNumber(candidate);
            if (seen.Add(text))
            {
                result.Add(text);
            }
        }

        var shuffledNear = rng.Shuffle(near);
        // Two near-misses, one answer of another record when there is one, then more near-misses.
        foreach (decimal candidate in shuffledNear.Take(2))
        {
            Add(candidate);
        }

        var others = OtherAnswers(record, pool, rng, 16)
            .Select(a => AnswerInference.TryParseNumber(a, out decimal n) ? n : (decimal?)null)
            .OfType<decimal>()
            .ToList();
        foreach (decimal candidate in others)
        {
            int before = result.Count;
            Add(candidate);
            if (result.Count > before)
            {
                break;
            }
        }

        foreach (decimal candidate in shuffledNear.Skip(2).Concat(others))
        {
            Add(candidate);
        }

        return result;
    }

    private static List<string> TextDistractors(DatasetRecord record, string answer, IReadOnlyList<DatasetRecord> pool, DeterministicRandom rng)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { answer };
        return OtherAnswers(record, pool, rng, 32).Where(a => a.Length > 0 && seen.Add(a)).ToList();
    }

    private static IEnumerable<string> OtherAnswers(DatasetRecord record, IReadOnlyList<DatasetRecord> pool, DeterministicRandom rng, int count)
    {
        if (pool.Count == 0)
        {
            yield break;
        }

        for (int i = 0; i < count; i++)
        {
            var other = pool[rng.Next(pool.Count)];
            if (other.Id != record.Id && other.Input != record.Input)
            {
                yield return AnswerInference.FinalAnswer(other.Output);
            }
        }
    }

    [GeneratedRegex(@"\d+(?:,\d{3})*(?:\.\d+)?", RegexOptions.CultureInvariant)]
    private static partial Regex QuestionNumber();
}
