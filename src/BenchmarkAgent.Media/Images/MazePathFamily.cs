using System.Text.RegularExpressions;
using BenchmarkAgent.Families;
using BenchmarkAgent.Media.Rendering;

namespace BenchmarkAgent.Media.Images;

/// <summary>
/// A square grid maze drawn as PNG: black wall cells, a green start and a red goal; the model gives the number of steps
/// of the shortest path (up, down, left, right). Easy grids are 5 by 5, medium 7 by 7, hard 9 to 11. The checker reads
/// every cell's colour at its centre from the decoded pixels and runs its own breadth-first search.
/// </summary>
internal sealed partial class MazePathFamily : ITaskFamily
{
    private const int CellPixels = 30;
    private const int Margin = 10;
    private static readonly string[] Walkers = ["a robot", "a mouse", "a courier", "a rover", "a beetle", "a knight", "a drone", "a hiker"];

    /// <inheritdoc />
    public TaskFamilyCard Card => MediaFamilyCards.Maze;

    /// <inheritdoc />
    public FamilySample Generate(ulong seed, Difficulty difficulty)
    {
        var rng = new DeterministicRandom(seed);
        int n = difficulty switch { Difficulty.Easy => 5, Difficulty.Medium => 7, _ => rng.Pick(new[] { 9, 10, 11 }) };
        double density = difficulty == Difficulty.Easy ? 0.2 : 0.3;
        while (true)
        {
            var walls = new bool[n, n];
            for (int r = 0; r < n; r++)
            {
                for (int c = 0; c < n; c++)
                {
                    walls[r, c] = rng.Chance(density);
                }
            }

            (int R, int C) start = (rng.Next(n), rng.Next(n)), goal = (rng.Next(n), rng.Next(n));
            walls[start.R, start.C] = false;
            walls[goal.R, goal.C] = false;
            int steps = ShortestPath(walls, start, goal);
            if (steps < n - 1)
            {
                continue;
            }

            byte[] png = Render(walls, start, goal);
            string prompt = $"The attached image shows a {n} by {n} grid maze. Black cells are walls, white cells are open, and {rng.Pick(Walkers)} starts on the green cell (row {start.R + 1}, column {start.C + 1}, counting from the top left) and must reach the red cell (row {goal.R + 1}, column {goal.C + 1}).\n\nMoving one cell up, down, left or right per step and never entering a wall, what is the smallest number of steps from the start to the goal? Answer with a single number.";
            return new FamilySample(prompt, ExpectedAnswer.Number(steps))
            {
                Media = [FamilyMedia.Png(Card, png)],
            };
        }
    }

    /// <inheritdoc />
    public CheckResult Check(FamilySample sample)
    {
        ArgumentNullException.ThrowIfNull(sample);
        if (FamilyMedia.SingleImage(sample) is not { } image)
        {
            return CheckResult.Fail("expected one decodable image");
        }

        var size = GridSize().Match(sample.Prompt);
        if (!size.Success)
        {
            return CheckResult.Fail("grid size not stated");
        }

        int n = PromptText.ParseInt(size.Groups["n"].Value);

        // The grid's outer border is the bounding box of everything that is not white.
        int minX = int.MaxValue, maxX = -1, minY = int.MaxValue, maxY = -1;
        for (int y = 0; y < image.Height; y++)
        {
            for (int x = 0; x < image.Width; x++)
            {
                if (image[x, y] != 0xFFFFFF)
                {
                    (minX, maxX, minY, maxY) = (Math.Min(minX, x), Math.Max(maxX, x), Math.Min(minY, y), Math.Max(maxY, y));
                }
            }
        }

        double cellW = (maxX - minX + 1) / (double)n, cellH = (maxY - minY + 1) / (double)n;
        var walls = new bool[n, n];
        (int, int)? start = null, goal = null;
        for (int r = 0; r < n; r++)
        {
            for (int c = 0; c < n; c++)
            {
                uint colour = image[(int)(minX + ((c + 0.5) * cellW)), (int)(minY + ((r + 0.5) * cellH))];
                uint red = colour >> 16, green = (colour >> 8) & 0xFF, blue = colour & 0xFF;
                walls[r, c] = red < 60 && green < 60 && blue < 60;
                if (green > 120 && red < 100 && blue < 100)
                {
                    start = start is null ? (r, c) : (-1, -1);
                }
                else if (red > 170 && green < 90 && blue < 90)
                {
                    goal = goal is null ? (r, c) : (-1, -1);
                }
            }
        }

        if (start is not { } s || goal is not { } g || s.Item1 < 0 || g.Item1 < 0)
        {
            return CheckResult.Fail("the image does not have exactly one start and one goal cell");
        }

        int steps = ShortestPath(walls, s, g);
        return steps < 0 ? CheckResult.Fail("the goal cannot be reached in the image") : PromptText.CheckNumber(sample, steps);
    }

    /// <summary>Breadth-first search over open cells; -1 when the goal cannot be reached.</summary>
    private static int ShortestPath(bool[,] walls, (int R, int C) start, (int R, int C) goal)
    {
        int n = walls.GetLength(0);
        var distance = new int[n, n];
        for (int r = 0; r < n; r++)
        {
            for (int c = 0; c < n; c++)
            {
                distance[r, c] = -1;
            }
        }

        var queue = new Queue<(int R, int C)>();
        distance[start.R, start.C] = 0;
        queue.Enqueue(start);
        while (queue.Count > 0)
        {
            var (r, c) = queue.Dequeue();
            if ((r, c) == goal)
            {
                return distance[r, c];
            }

            foreach (var (nr, nc) in new[] { (r - 1, c), (r + 1, c), (r, c - 1), (r, c + 1) })
            {
                if (nr >= 0 && nc >= 0 && nr < n && nc < n && !walls[nr, nc] && distance[nr, nc] < 0)
                {
                    distance[nr, nc] = distance[r, c] + 1;
                    queue.Enqueue((nr, nc));
                }
            }
        }

        return -1;
    }

    private static byte[] Render(bool[,] walls, (int R, int C) start, (int R, int C) goal)
    {
        int n = walls.GetLength(0);
        int side = (n * CellPixels) + 1;
        using var canvas = new ImageCanvas(side + (2 * Margin), side + (2 * Margin), Palette.White);
        for (int r = 0; r < n; r++)
        {
            for (int c = 0; c < n; c++)
            {
                var colour = walls[r, c] ? Palette.Black : (r, c) == start ? Palette.Named[2].Color : (r, c) == goal ? Palette.Named[0].Color : Palette.White;
                canvas.FillRect(Margin + (c * CellPixels), Margin + (r * CellPixels), CellPixels, CellPixels, colour);
            }
        }

        for (int i = 0; i <= n; i++)
        {
            canvas.FillRect(Margin + (i * CellPixels), Margin, 1, side, Palette.Grid);
            canvas.FillRect(Margin, Margin + (i * CellPixels), side, 1, Palette.Grid);
        }

        return canvas.ToPng();
    }

    [GeneratedRegex(@"^The attached image shows a (?<n>\d+) by \k<n> grid maze\.")]
    private static partial Regex GridSize();
}
