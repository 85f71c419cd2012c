using System.Text;
using System.Text.RegularExpressions;

namespace BenchmarkAgent.Families;

/// <summary>
/// A robot moves on a lettered and numbered grid: absolute moves at Easy, compass moves on a larger grid at
/// Medium, and relative turns with forward moves that stop at the grid edge at Hard. The answer is the final cell.
/// </summary>
internal sealed partial class SpatialGridFamily : ITaskFamily
{
    private static readonly string[] Absolute = ["up", "right", "down", "left"];
    private static readonly string[] Compass = ["north", "east", "south", "west"];
    private static readonly int[] Dx = [0, 1, 0, -1];
    private static readonly int[] Dy = [1, 0, -1, 0];

    /// <inheritdoc />
    public TaskFamilyCard Card { get; } = new(
        "spatial-grid",
        "Grid navigation",
        "A robot starts on a cell of a lettered and numbered grid and follows moves (up/down, compass directions, or forward moves with left and right turns that stop at the edge); the model names the final cell.",
        "spatial",
        ["spatial reasoning", "grid", "navigation", "directions", "coordinates", "robot", "turn left", "compass", "path following", "state tracking"],
        AnswerType.ShortText);

    /// <inheritdoc />
    public FamilySample Generate(ulong seed, Difficulty difficulty)
    {
        var rng = new DeterministicRandom(seed);
        int size = difficulty switch { Difficulty.Easy => 6, Difficulty.Medium => 8, _ => 10 };
        int moves = difficulty switch { Difficulty.Easy => rng.Between(3, 4), Difficulty.Medium => rng.Between(5, 6), _ => rng.Between(7, 9) };
        int x = rng.Next(size), y = rng.Next(size);
        string robot = rng.Pick(new[] { "A robot", "A rover", "A game piece", "A delivery drone" });
        var builder = new StringBuilder();
        builder.Append($"{robot} moves on a grid whose columns are labelled A to {(char)('A' + size - 1)} from left to right (west to east) and whose rows are numbered 1 to {size} from bottom to top (south to north). ");
        builder.Append($"It starts at {Cell(x, y)}");
        var steps = new List<string>();
        if (difficulty == Difficulty.Hard)
        {
            int heading = rng.Next(4);
            builder.Append($" facing {Compass[heading]}. ");
            for (int i = 0; i < moves; i++)
            {
                if (i > 0 && rng.Chance(0.75))
                {
                    int turn = rng.Next(3);
                    steps.Add(turn switch { 0 => "turns left", 1 => "turns right", _ => "turns around" });
                    heading = (heading + turn switch { 0 => 3, 1 => 1, _ => 2 }) % 4;
                }

                int n = rng.Between(1, 5);
                steps.Add($"moves forward {n} {(n == 1 ? "cell" : "cells")}");
                x = Math.Clamp(x + (Dx[heading] * n), 0, size - 1);
                y = Math.Clamp(y + (Dy[heading] * n), 0, size - 1);
            }

            builder.Append("It ").Append(PromptText.JoinAnd(steps)).Append(". If a move would take it off the grid, it stops at the edge instead.");
        }
        else
        {
            builder.Append(". ");
            string[] names = difficulty == Difficulty.Easy ? Absolute : Compass;
            for (int i = 0; i < moves; i++)
            {
                // Only moves that stay on the grid.
                int d, n;
                do
                {
                    d = rng.Next(4);
                    n = rng.Between(1, difficulty == Difficulty.Easy ? 3 : 5);
                }
                while (x + (Dx[d] * n) < 0 || x + (Dx[d] * n) >= size || y + (Dy[d] * n) < 0 || y + (Dy[d] * n) >= size);
                x += Dx[d] * n;
                y += Dy[d] * n;
                steps.Add($"{n} {(n == 1 ? "cell" : "cells")} {names[d]}");
            }

            builder.Append("It moves ").Append(string.Join(", then ", steps)).Append('.');
        }

        builder.Append(rng.Chance(0.5) ? "\n\nOn which cell does it end?" : "\n\nWhich cell is it on at the end?");
        builder.Append(" Answer with the cell name only, such as B3.");
        return new FamilySample(builder.ToString(), ExpectedAnswer.Text(Cell(x, y)));
    }

    /// <inheritdoc />
    public CheckResult Check(FamilySample sample)
    {
        ArgumentNullException.ThrowIfNull(sample);
        var grid = Grid().Match(sample.Prompt);
        var start = Start().Match(sample.Prompt);
        if (!grid.Success || !start.Success)
        {
            return CheckResult.Fail("grid or start not recognised");
        }

        int width = grid.Groups["last"].Value[0] - 'A' + 1;
        int height = PromptText.ParseInt(grid.Groups["rows"].Value);
        int col = start.Groups["col"].Value[0] - 'A';
        int row = PromptText.ParseInt(start.Groups["row"].Value) - 1;
        bool clamp = sample.Prompt.Contains("it stops at the edge", StringComparison.Ordinal);

        // Heading as a unit vector rotated by 90-degree matrices rather than an index into a table.
        (int X, int Y) heading = start.Groups["facing"].Value switch
        {
            "north" => (0, 1),
            "east" => (1, 0),
            "south" => (0, -1),
            "west" => (-1, 0),
            _ => (0, 0),
        };

        foreach (Match m in Command().Matches(sample.Prompt[(start.Index + start.Length)..]))
        {
            if (m.Groups["turn"].Success)
            {
                heading = m.Groups["turn"].Value switch
                {
                    "left" => (-heading.Y, heading.X),
                    "right" => (heading.Y, -heading.X),
                    _ => (-heading.X, -heading.Y),
                };
                continue;
            }

            int n = PromptText.ParseInt(m.Groups["n"].Value);
            (int X, int Y) dir = m.Groups["dir"].Value switch
            {
                "up" or "north" => (0, 1),
                "down" or "south" => (0, -1),
                "right" or "east" => (1, 0),
                "left" or "west" => (-1, 0),
                _ => heading,
            };
            col += dir.X * n;
            row += dir.Y * n;
            if (clamp)
            {
                col = Math.Min(Math.Max(col, 0), width - 1);
                row = Math.Min(Math.Max(row, 0), height - 1);
            }
            else if (col < 0 || row < 0 || col >= width || row >= height)
            {
                return CheckResult.Fail("a move leaves the grid");
            }
        }

        return PromptText.CheckText(sample, $"{(char)('A' + col)}{PromptText.Num(row + 1)}");
    }

    private static string Cell(int x, int y) => $"{(char)('A' + x)}{PromptText.Num(y + 1)}";

    [GeneratedRegex(@"columns are labelled A to (?<last>[A-Z]) from left to right \(west to east\) and whose rows are numbered 1 to (?<rows>\d+) from bottom")]
    private static partial Regex Grid();

    [GeneratedRegex(@"It starts at (?<col>[A-Z])(?<row>\d+)(?: facing (?<facing>north|east|south|west))?\.")]
    private static partial Regex Start();

    [GeneratedRegex(@"turns (?<turn>left|right|around)|(?:moves forward )?(?<n>\d+) cells? ?(?<dir>up|down|left|right|north|south|east|west)?")]
    private static partial Regex Command();
}
