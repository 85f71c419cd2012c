using System.Text;
using System.Text.RegularExpressions;

namespace BenchmarkAgent.Families;

/// <summary>
/// A list of integers and a query over it: a maximum or sum at Easy, a filtered sum at Medium, and a
/// sorted selection (sum of the k largest odd or even numbers, or a range of a filtered subset) at Hard.
/// </summary>
internal sealed partial class ListOperationsFamily : ITaskFamily
{
    /// <inheritdoc />
    public TaskFamilyCard Card { get; } = new(
        "list-operations",
        "List operations",
        "A list of integers with a question such as the largest value, the sum of the even numbers above a threshold, or the sum of the k largest odd numbers.",
        "data",
        ["lists", "list operations", "sum", "maximum", "minimum", "filter", "sorting", "aggregation", "numbers", "data processing"],
        AnswerType.Number);

    /// <inheritdoc />
    public FamilySample Generate(ulong seed, Difficulty difficulty)
    {
        var rng = new DeterministicRandom(seed);
        int count = difficulty switch { Difficulty.Easy => rng.Between(5, 7), Difficulty.Medium => rng.Between(8, 11), _ => rng.Between(12, 16) };
        var values = Enumerable.Range(0, count).Select(_ => rng.Between(1, difficulty == Difficulty.Easy ? 60 : 99)).ToList();
        string question;
        int answer;
        string parity = rng.Chance(0.5) ? "even" : "odd";
        var ofParity = values.Where(v => (v % 2 == 0) == (parity == "even")).ToList();
        switch (difficulty)
        {
            case Difficulty.Easy:
                (question, answer) = rng.Next(3) switch
                {
                    0 => ("the largest number in the list", values.Max()),
                    1 => ("the smallest number in the list", values.Min()),
                    _ => ("the sum of all the numbers in the list", values.Sum()),
                };
                break;
            case Difficulty.Medium:
                int threshold = rng.Between(20, 70);
                (question, answer) = rng.Chance(0.5)
                    ? ($"the sum of the {parity} numbers in the list", ofParity.Sum())
                    : ($"the sum of the numbers in the list that are greater than {threshold}", values.Where(v => v > threshold).Sum());
                break;
            default:
                int k = rng.Between(2, 4);
                if (ofParity.Count >= 2 && rng.Chance(0.5))
                {
                    (question, answer) = ($"the difference between the largest and the smallest {parity} number in the list", ofParity.Max() - ofParity.Min());
                }
                else
                {
                    (question, answer) = ($"the sum of the {k} largest {parity} numbers in the list (or of all of them, if there are fewer than {k})", ofParity.OrderDescending().Take(k).Sum());
                }

                break;
        }

        var builder = new StringBuilder(rng.Chance(0.5) ? "Here is a list of numbers: " : "Consider the numbers ");
        builder.AppendJoin(", ", values).Append(".\n\nWhat is ").Append(question).Append("? Answer with a single number.");
        return new FamilySample(builder.ToString(), ExpectedAnswer.Number(answer));
    }

    /// <inheritdoc />
    public CheckResult Check(FamilySample sample)
    {
        ArgumentNullException.ThrowIfNull(sample);
        var list = ListLine().Match(sample.Prompt);
        var q = QuestionLine().Match(sample.Prompt);
        if (!list.Success || !q.Success)
        {
            return CheckResult.Fail("list or question not recognised");
        }

        int[] values = list.Groups["list"].Value.Split(", ").Select(PromptText.ParseInt).ToArray();
        string question = q.Groups["q"].Value;
        int[] Parity(string p) => Array.FindAll(values, v => v % 2 == (p == "even" ? 0 : 1));
        int[] sorted = (int[])values.Clone();
        Array.Sort(sorted);
        decimal? answer = question switch
        {
            "the largest number in the list" => sorted[^1],
            "the smallest number in the list" => sorted[0],
            "the sum of all the numbers in the list" => values.Aggregate(0, (a, b) => a + b),
            _ => null,
        };

        if (SumParity().Match(question) is { Success: true } sp)
        {
            answer = Parity(sp.Groups["p"].Value).Aggregate(0, (a, b) => a + b);
        }
        else if (SumAbove().Match(question) is { Success: true } sa)
        {
            int t = PromptText.ParseInt(sa.Groups["t"].Value);
            answer = Array.FindAll(values, v => v > t).Aggregate(0, (a, b) => a + b);
        }
        else if (Range().Match(question) is { Success: true } range)
        {
            int[] subset = Parity(range.Groups["p"].Value);
            Array.Sort(subset);
            answer = subset.Length == 0 ? null : subset[^1] - subset[0];
        }
        else if (TopK().Match(question) is { Success: true } top)
        {
            int[] subset = Parity(top.Groups["p"].Value);
            Array.Sort(subset);
            Array.Reverse(subset);
            answer = subset.Take(PromptText.ParseInt(top.Groups["k"].Value)).Aggregate(0, (a, b) => a + b);
        }

        return answer is null ? CheckResult.Fail("question not understood") : PromptText.CheckNumber(sample, answer.Value);
    }

    [GeneratedRegex(@"^(?:Here is a list of numbers: |Consider the numbers )(?<list>\d+(?:, \d+)*)\.")]
    private static partial Regex ListLine();

    [GeneratedRegex(@"What is (?<q>.+)\? Answer with a single number\.$")]
    private static partial Regex QuestionLine();

    [GeneratedRegex(@"^the sum of the (?<p>even|odd) numbers in the list$")]
    private static partial Regex SumParity();

    [GeneratedRegex(@"^the sum of the numbers in the list that are greater than (?<t>\d+)$")]
    private static partial Regex SumAbove();

    [GeneratedRegex(@"^the difference between the largest and the smallest (?<p>even|odd) number in the list$")]
    private static partial Regex Range();

    [GeneratedRegex(@"^the sum of the (?<k>\d+) largest (?<p>even|odd) numbers in the list \(or of all of them, if there are fewer than \k<k>\)$")]
    private static partial Regex TopK();
}
