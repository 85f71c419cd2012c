using System.Text;
using System.Text.RegularExpressions;

namespace BenchmarkAgent.Families;

/// <summary>
/// Traces a sorting algorithm part-way: the state of a list after a few passes of bubble sort or a few steps of
/// selection or insertion sort, in ascending or (at Hard) descending order. Tests step-by-step algorithm execution.
/// </summary>
internal sealed partial class SortingStepFamily : ITaskFamily
{
    private const string Bubble = "One pass of bubble sort walks the list from left to right, comparing each adjacent pair and swapping the two numbers when they are out of order.";
    private const string Selection = "One step of selection sort finds the number that belongs first among the not-yet-sorted part (the part after the positions already fixed) and swaps it with the first number of that part.";
    private const string Insertion = "One step of insertion sort takes the first number after the sorted prefix (which starts as just the first number) and moves it left into its place within that prefix.";

    /// <inheritdoc />
    public TaskFamilyCard Card { get; } = new(
        "sorting-step",
        "Sorting algorithm steps",
        "A list of distinct numbers is partly sorted by bubble sort passes or selection or insertion sort steps, in ascending or descending order; the model writes the list as it stands after the given number of steps.",
        "code",
        ["sorting", "bubble sort", "selection sort", "insertion sort", "algorithms", "algorithm tracing", "intermediate state", "computer science", "simulation"],
        AnswerType.ShortText);

    /// <inheritdoc />
    public FamilySample Generate(ulong seed, Difficulty difficulty)
    {
        var rng = new DeterministicRandom(seed);
        int count = difficulty switch { Difficulty.Easy => rng.Between(5, 6), Difficulty.Medium => rng.Between(6, 7), _ => rng.Between(8, 9) };
        var list = rng.Shuffle(Enumerable.Range(1, 99)).Take(count).ToList();
        var original = new List<int>(list);
        int algorithm = difficulty switch { Difficulty.Easy => 0, Difficulty.Medium => rng.Next(2), _ => rng.Next(3) };
        int steps = difficulty switch { Difficulty.Easy => 1, Difficulty.Medium => rng.Between(2, 3), _ => rng.Between(2, 4) };
        bool descending = difficulty == Difficulty.Hard && rng.Chance(0.5);
        bool OutOfOrder(int left, int right) => descending ? left < right : left > right;

        for (int s = 0; s < steps; s++)
        {
            switch (algorithm)
            {
                case 0:
                    for (int i = 0; i + 1 < list.Count; i++)
                    {
                        if (OutOfOrder(list[i], list[i + 1]))
                        {
                            (list[i], list[i + 1]) = (list[i + 1], list[i]);
                        }
                    }

                    break;
                case 1:
                    int best = s;
                    for (int i = s + 1; i < list.Count; i++)
                    {
                        if (OutOfOrder(list[best], list[i]))
                        {
                            best = i;
                        }
                    }

                    (list[s], list[best]) = (list[best], list[s]);
                    break;
                default:
                    for (int i = s + 1; i > 0 && OutOfOrder(list[i - 1], list[i]); i--)
                    {
                        (list[i - 1], list[i]) = (list[i], list[i - 1]);
                    }

                    break;
            }
        }

        (string name, string unit, string definition) = algorithm switch
        {
            0 => ("bubble sort", steps == 1 ? "pass" : "passes", Bubble),
            1 => ("selection sort", steps == 1 ? "step" : "steps", Selection),
            _ => ("insertion sort", steps == 1 ? "step" : "steps", Insertion),
        };

        var builder = new StringBuilder(rng.Chance(0.5) ? "Here is a list of numbers: " : "A program holds the list ");
        builder.AppendJoin(", ", original).Append(".\n\n");
        builder.Append($"It is being sorted into {(descending ? "descending" : "ascending")} order with {name}. {definition}");
        if (difficulty == Difficulty.Hard)
        {
            builder.Append($" For this order, the numbers that belong first are the {(descending ? "largest" : "smallest")} ones, and two neighbours are out of order when the left one is {(descending ? "smaller" : "larger")}.");
        }

        builder.Append("\n\n");
        builder.Append($"What does the list look like after exactly {steps} {unit}? Answer with the numbers separated by a comma and a space, like 4, 1, 3.");
        return new FamilySample(builder.ToString(), ExpectedAnswer.Text(string.Join(", ", list)));
    }

    /// <inheritdoc />
    public CheckResult Check(FamilySample sample)
    {
        ArgumentNullException.ThrowIfNull(sample);
        var list = ListLine().Match(sample.Prompt);
        var setup = Setup().Match(sample.Prompt);
        var question = Question().Match(sample.Prompt);
        if (!list.Success || !setup.Success || !question.Success)
        {
            return CheckResult.Fail("list, algorithm or question not recognised");
        }

        int[] values = list.Groups["list"].Value.Split(", ").Select(PromptText.ParseInt).ToArray();
        if (values.Distinct().Count() != values.Length)
        {
            return CheckResult.Fail("values are not distinct");
        }

        int steps = PromptText.ParseInt(question.Groups["k"].Value);
        int sign = setup.Groups["order"].Value == "ascending" ? 1 : -1;
        int Key(int v) => sign * v;
        IEnumerable<int> result = values;
        switch (setup.Groups["alg"].Value)
        {
            case "insertion sort":
                // After k steps the first k + 1 numbers are sorted and the rest are untouched.
                result = values.Take(steps + 1).OrderBy(Key).Concat(values.Skip(steps + 1));
                break;
            case "selection sort":
                var current = values.ToList();
                for (int s = 0; s < steps; s++)
                {
                    int target = current.Skip(s).MinBy(Key);
                    int at = current.IndexOf(target);
                    current[at] = current[s];
                    current[s] = target;
                }

                result = current;
                break;
            default:
                // A bubble pass carries the running maximum (by key) rightwards.
                for (int s = 0; s < steps; s++)
                {
                    var pass = new List<int>();
                    int carry = result.First();
                    foreach (int next in result.Skip(1))
                    {
                        pass.Add(Key(carry) > Key(next) ? next : carry);
                        carry = Key(carry) > Key(next) ? carry : next;
                    }

                    pass.Add(carry);
                    result = pass;
                }

                break;
        }

        return PromptText.CheckText(sample, string.Join(", ", result));
    }

    [GeneratedRegex(@"^(?:Here is a list of numbers: |A program holds the list )(?<list>\d+(?:, \d+)*)\.$", RegexOptions.Multiline)]
    private static partial Regex ListLine();

    [GeneratedRegex(@"It is being sorted into (?<order>ascending|descending) order with (?<alg>bubble sort|selection sort|insertion sort)\.")]
    private static partial Regex Setup();

    [GeneratedRegex(@"What does the list look like after exactly (?<k>\d+) (?:pass|passes|step|steps)\?")]
    private static partial Regex Question();
}
