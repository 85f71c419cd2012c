using System.Text;
using System.Text.RegularExpressions;

namespace BenchmarkAgent.Families;

/// <summary>
/// A small pipe-delimited table of sales records and a question that filters the rows and aggregates a
/// numeric column (total, average, largest or smallest). Hard items have more rows and columns and two conditions.
/// </summary>
internal sealed partial class TableAggregationFamily : ITaskFamily
{
    private static readonly string[] Regions = ["North", "South", "East", "West", "Central"];
    private static readonly string[] Months = ["January", "February", "March", "April", "May", "June"];
    private static readonly string[] Channels = ["Online", "Store", "Phone"];
    private static readonly string[] Operations = ["total", "average", "largest", "smallest"];

    /// <inheritdoc />
    public TaskFamilyCard Card { get; } = new(
        "table-aggregation",
        "Table aggregation",
        "A pipe-delimited text table of sales records (item, region, month, channel, units, revenue) and a question asking for the total, average, largest or smallest value of a column over the rows that meet one or two conditions.",
        "data",
        ["tables", "tabular data", "aggregation", "sum", "average", "filter", "data analysis", "spreadsheet", "filtered totals", "structured data"],
        AnswerType.Number);

    /// <inheritdoc />
    public FamilySample Generate(ulong seed, Difficulty difficulty)
    {
        var rng = new DeterministicRandom(seed);
        (int rows, string[] columns, int conditions) = difficulty switch
        {
            Difficulty.Easy => (rng.Between(5, 6), new[] { "Item", "Region", "Units" }, 1),
            Difficulty.Medium => (rng.Between(7, 9), new[] { "Item", "Region", "Month", "Units", "Revenue" }, 1),
            _ => (rng.Between(10, 13), new[] { "Item", "Region", "Month", "Channel", "Units", "Revenue" }, 2),
        };

        int regionCount = difficulty == Difficulty.Easy ? 3 : Regions.Length;
        var data = new List<Dictionary<string, string>>();
        for (int r = 0; r < rows; r++)
        {
            data.Add(new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["Item"] = rng.Pick(Lexicon.Objects),
                ["Region"] = Regions[rng.Next(regionCount)],
                ["Month"] = Months[rng.Next(difficulty == Difficulty.Hard ? 6 : 3)],
                ["Channel"] = rng.Pick(Channels),
                ["Units"] = PromptText.Num(rng.Between(3, 250)),
                ["Revenue"] = PromptText.Num(rng.Between(40, 9000)),
            });
        }

        string target = difficulty == Difficulty.Easy || rng.Chance(0.5) ? "Units" : "Revenue";
        string op = difficulty == Difficulty.Easy ? rng.Pick(new[] { "total", "largest", "smallest" }) : rng.Pick(Operations);

        // Conditions are read off one anchor row, so at least one row always matches.
        var anchor = data[rng.Next(rows)];
        var filters = new List<(string Column, string Text, Func<Dictionary<string, string>, bool> Test)>();
        string first = difficulty == Difficulty.Easy ? "Region" : rng.Pick(new[] { "Region", "Month" });
        string firstValue = anchor[first];
        filters.Add((first, $"{first} is {firstValue}", row => row[first] == firstValue));
        if (conditions == 2)
        {
            if (rng.Chance(0.5))
            {
                string second = first == "Region" ? rng.Pick(new[] { "Month", "Channel" }) : "Channel";
                string secondValue = anchor[second];
                filters.Add((second, $"{second} is {secondValue}", row => row[second] == secondValue));
            }
            else
            {
                string numeric = target == "Units" ? "Revenue" : "Units";
                int threshold = Math.Max(0, PromptText.ParseInt(anchor[numeric]) - rng.Between(1, 60));
                filters.Add((numeric, $"{numeric} is greater than {threshold}", row => PromptText.ParseInt(row[numeric]) > threshold));
            }
        }

        var values = data.Where(row => filters.All(f => f.Test(row))).Select(row => PromptText.ParseInt(row[target])).ToList();
        decimal answer = op switch
        {
            "total" => values.Sum(),
            "largest" => values.Max(),
            "smallest" => values.Min(),
            _ => RoundedMean(values),
        };

        string condition = string.Join(" and ", filters.Select(f => f.Text));
        var builder = new StringBuilder(rng.Chance(0.5) ? $"The table below lists {rows} sales records." : $"Here are {rows} rows from a sales log.");
        builder.Append("\n\n").AppendJoin(" | ", columns).Append('\n');
        foreach (var row in data)
        {
            builder.AppendJoin(" | ", columns.Select(c => row[c])).Append('\n');
        }

        builder.Append('\n').Append(op switch
        {
            "total" when rng.Chance(0.5) => $"Summing over the rows where {condition}, what is the total {target}?",
            "total" => $"What is the total {target} across the rows where {condition}?",
            "average" => $"What is the average {target} of the rows where {condition}? Round to two decimal places if needed.",
            "largest" => $"What is the largest {target} among the rows where {condition}?",
            _ => $"What is the smallest {target} among the rows where {condition}?",
        });
        builder.Append(" Answer with a single number.");
        return new FamilySample(builder.ToString(), ExpectedAnswer.Number(answer));
    }

    /// <inheritdoc />
    public CheckResult Check(FamilySample sample)
    {
        ArgumentNullException.ThrowIfNull(sample);
        string[] blocks = sample.Prompt.Split("\n\n");
        if (blocks.Length != 3)
        {
            return CheckResult.Fail("expected an intro, a table and a question");
        }

        var intro = Intro().Match(blocks[0]);
        var question = Question().Match(blocks[2]);
        if (!intro.Success || !question.Success)
        {
            return CheckResult.Fail("intro or question not recognised");
        }

        string[] lines = blocks[1].Split('\n');
        string[] header = lines[0].Split(" | ");
        var table = lines.Skip(1).Select(l => l.Split(" | ")).ToList();
        if (table.Count != PromptText.ParseInt(intro.Groups["n"].Value) || table.Exists(cells => cells.Length != header.Length))
        {
            return CheckResult.Fail("the table does not have the announced shape");
        }

        int target = Array.IndexOf(header, question.Groups["col"].Value);
        if (target < 0)
        {
            return CheckResult.Fail("unknown target column");
        }

        var matching = table.AsEnumerable();
        foreach (string condition in question.Groups["cond"].Value.Split(" and "))
        {
            var c = Condition().Match(condition);
            int column = c.Success ? Array.IndexOf(header, c.Groups["col"].Value) : -1;
            if (column < 0)
            {
                return CheckResult.Fail($"condition not understood: {condition}");
            }

            string value = c.Groups["v"].Value;
            matching = c.Groups["gt"].Success
                ? matching.Where(cells => PromptText.ParseNum(cells[column]) > PromptText.ParseNum(value)).ToList()
                : matching.Where(cells => cells[column] == value).ToList();
        }

        decimal[] numbers = matching.Select(cells => PromptText.ParseNum(cells[target])).ToArray();
        if (numbers.Length == 0)
        {
            return CheckResult.Fail("no row matches");
        }

        string op = question.Groups["op"].Success ? question.Groups["op"].Value : "total";
        decimal result = op switch
        {
            "total" => numbers.Sum(),
            "largest" => numbers.Max(),
            "smallest" => numbers.Min(),
            _ => Math.Round(numbers.Sum() / numbers.Length, 2, MidpointRounding.AwayFromZero),
        };
        return PromptText.CheckNumber(sample, result);
    }

    // Half-up rounding to cents in integer arithmetic; the checker rounds decimals instead.
    private static decimal RoundedMean(List<int> values)
    {
        long sum = values.Sum(v => (long)v);
        long count = values.Count;
        long cents = ((sum * 200) + count) / (2 * count);
        return cents / 100m;
    }

    [GeneratedRegex(@"^(?:The table below lists (?<n>\d+) sales records|Here are (?<n>\d+) rows from a sales log)\.$")]
    private static partial Regex Intro();

    [GeneratedRegex(@"^(?:What is the (?<op>total|average|largest|smallest) (?<col>\w+) (?:across|of|among) the rows where (?<cond>.+?)|Summing over the rows where (?<cond>.+?), what is the total (?<col>\w+))\?(?: Round to two decimal places if needed\.)? Answer with a single number\.$")]
    private static partial Regex Question();

    [GeneratedRegex(@"^(?<col>\w+) is (?:(?<gt>greater than) (?<v>\d+)|(?<v>\w+))$")]
    private static partial Regex Condition();
}
