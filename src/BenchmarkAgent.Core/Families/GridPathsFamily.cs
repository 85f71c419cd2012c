using System.Text;
using System.Text.RegularExpressions;

namespace BenchmarkAgent.Families;

/// <summary>
/// Counting the monotone routes (right and down moves only) from the top-left to the bottom-right cell of a grid
/// with some blocked cells. Harder items have larger grids and more blocked cells.
/// </summary>
internal sealed partial class GridPathsFamily : ITaskFamily
{
    /// <inheritdoc />
    public TaskFamilyCard Card { get; } = new(
        "grid-paths",
        "Grid path counting",
        "A grid with a few blocked cells; a robot moves only right or down from the top-left to the bottom-right cell, and the answer is the number of different routes. Larger grids and more blocked cells make it harder.",
        "combinatorics",
        ["combinatorics", "counting", "grid paths", "lattice paths", "routes", "dynamic programming", "obstacles", "enumeration", "path counting"],
        AnswerType.Number);

    /// <inheritdoc />
    public FamilySample Generate(ulong seed, Difficulty difficulty)
    {
        var rng = new DeterministicRandom(seed);
        string who = rng.Pick(Lexicon.Names);
        string city = rng.Pick(Lexicon.Cities);
        string obj = rng.Pick(Lexicon.Objects);
        (int min, int max, int blockedMin, int blockedMax) = difficulty switch
        {
            Difficulty.Easy => (3, 4, 1, 1),
            Difficulty.Medium => (4, 5, 2, 3),
            _ => (5, 7, 4, 6),
        };

        while (true)
        {
            int rows = rng.Between(min, max);
            int cols = rng.Between(min, max);
            int blockedCount = rng.Between(blockedMin, blockedMax);
            var blocked = new List<(int Row, int Col)>();
            while (blocked.Count < blockedCount)
            {
                var cell = (rng.Between(1, rows), rng.Between(1, cols));
                if (cell != (1, 1) && cell != (rows, cols) && !blocked.Contains(cell))
                {
                    blocked.Add(cell);
                }
            }

            // Routes into a cell = routes into the cell above + routes into the cell on the left.
            var ways = new long[rows + 1, cols + 1];
            for (int r = 1; r <= rows; r++)
            {
                for (int c = 1; c <= cols; c++)
                {
                    ways[r, c] = blocked.Contains((r, c)) ? 0 : (r, c) == (1, 1) ? 1 : ways[r - 1, c] + ways[r, c - 1];
                }
            }

            if (ways[rows, cols] == 0)
            {
                continue;
            }

            var builder = new StringBuilder();
            builder.Append(rng.Next(3) switch
            {
                0 => $"{who} programs a robot that carries {obj} across a warehouse in {city}. The floor is a grid of {rows} rows and {cols} columns.",
                1 => $"A board game from {city} is played on a grid with {rows} rows and {cols} columns, and {who} moves a token that stands for a crate of {obj}.",
                _ => $"In a puzzle that {who} found in {city}, an ant looking for {obj} walks on a grid of {rows} rows by {cols} columns.",
            });
            builder.Append(rng.Chance(0.5)
                ? " It starts in the top-left cell (row 1, column 1) and must reach the bottom-right cell, moving one cell right or one cell down at a time."
                : " Starting in the top-left cell (row 1, column 1), it may only step one cell to the right or one cell down, until it reaches the bottom-right cell.");
            var cells = blocked.Select(b => $"row {b.Row} column {b.Col}").ToList();
            builder.Append(blocked.Count == 1
                ? $" The cell at {cells[0]} is blocked and cannot be entered."
                : $" These cells are blocked and cannot be entered: {PromptText.JoinAnd(cells)}.");
            builder.Append("\n\n").Append(rng.Chance(0.5)
                ? "How many different routes are there?"
                : "In how many different ways can the bottom-right cell be reached?");
            builder.Append(" Answer with a single number.");
            return new FamilySample(builder.ToString(), ExpectedAnswer.Number(ways[rows, cols]));
        }
    }

    /// <inheritdoc />
    public CheckResult Check(FamilySample sample)
    {
        ArgumentNullException.ThrowIfNull(sample);
        string[] parts = sample.Prompt.Split("\n\n");
        var size = Size().Match(parts[0]);
        if (parts.Length != 2 || !size.Success || !Rules().IsMatch(parts[0]) || !Question().IsMatch(parts[1]))
        {
            return CheckResult.Fail("grid, rules or question not recognised");
        }

        int rows = PromptText.ParseInt(size.Groups["r"].Value);
        int cols = PromptText.ParseInt(size.Groups["c"].Value);
        var blockedText = Blocked().Match(parts[0]);
        if (!blockedText.Success)
        {
            return CheckResult.Fail("no blocked cells listed");
        }

        var blocked = Cell().Matches(blockedText.Groups["cells"].Value)
            .Select(m => (PromptText.ParseInt(m.Groups["r"].Value), PromptText.ParseInt(m.Groups["c"].Value)))
            .ToHashSet();
        if (blocked.Contains((1, 1)) || blocked.Contains((rows, cols)))
        {
            return CheckResult.Fail("the start or the goal is blocked");
        }

        // Count routes backwards from each cell to the goal, memoised.
        var memo = new Dictionary<(int, int), long>();
        long Routes(int r, int c)
        {
            if (r > rows || c > cols || blocked.Contains((r, c)))
            {
                return 0;
            }

            if (r == rows && c == cols)
            {
                return 1;
            }

            if (!memo.TryGetValue((r, c), out long n))
            {
                n = Routes(r + 1, c) + Routes(r, c + 1);
                memo[(r, c)] = n;
            }

            return n;
        }

        long routes = Routes(1, 1);
        return routes == 0 ? CheckResult.Fail("no route exists") : PromptText.CheckNumber(sample, routes);
    }

    [GeneratedRegex(@"^(?:\w+ programs a robot that carries \w+ across a warehouse in \w+\. The floor is a grid of (?<r>\d+) rows and (?<c>\d+) columns\.|A board game from \w+ is played on a grid with (?<r>\d+) rows and (?<c>\d+) columns, and \w+ moves a token that stands for a crate of \w+\.|In a puzzle that \w+ found in \w+, an ant looking for \w+ walks on a grid of (?<r>\d+) rows by (?<c>\d+) columns\.) ")]
    private static partial Regex Size();

    [GeneratedRegex(@"\. (?:It starts in the top-left cell \(row 1, column 1\) and must reach the bottom-right cell, moving one cell right or one cell down at a time\.|Starting in the top-left cell \(row 1, column 1\), it may only step one cell to the right or one cell down, until it reaches the bottom-right cell\.) ")]
    private static partial Regex Rules();

    [GeneratedRegex(@" (?:The cell at (?<cells>row \d+ column \d+) is blocked and cannot be entered|These cells are blocked and cannot be entered: (?<cells>[\w, ]+))\.$")]
    private static partial Regex Blocked();

    [GeneratedRegex(@"row (?<r>\d+) column (?<c>\d+)")]
    private static partial Regex Cell();

    [GeneratedRegex(@"^(?:How many different routes are there\?|In how many different ways can the bottom-right cell be reached\?) Answer with a single number\.$")]
    private static partial Regex Question();
}
