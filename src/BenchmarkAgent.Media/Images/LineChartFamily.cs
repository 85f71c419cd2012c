using System.Globalization;
using System.Text.RegularExpressions;
using BenchmarkAgent.Families;
using BenchmarkAgent.Media.Rendering;
using SkiaSharp;

namespace BenchmarkAgent.Media.Images;

/// <summary>
/// A monthly line chart with square markers, drawn as PNG; the question reads the value at a month (easy), the rise
/// or fall between two months (medium), or counts the months in which the series fell or its range (hard, trend).
/// The checker locates the x-axis ticks and the markers in the decoded pixels and converts marker heights to values.
/// </summary>
internal sealed partial class LineChartFamily : ITaskFamily
{
    private const int Width = 520;
    private const int Height = 320;
    private const int PlotLeft = 52;
    private const int PlotRight = 500;
    private const int PlotTop = 34;
    private const int PlotBottom = 270;
    private static readonly SKColor LineColor = new(120, 150, 210);
    private static readonly SKColor MarkerColor = new(220, 40, 40);

    /// <inheritdoc />
    public TaskFamilyCard Card => MediaFamilyCards.LineChart;

    /// <inheritdoc />
    public FamilySample Generate(ulong seed, Difficulty difficulty)
    {
        var rng = new DeterministicRandom(seed);
        var topic = rng.Pick(ChartTopic.All);
        (int points, int step, int gridLines) = difficulty switch
        {
            Difficulty.Easy => (rng.Between(4, 6), 10, rng.Between(5, 10)),
            Difficulty.Medium => (rng.Between(6, 8), rng.Pick(new[] { 10, 20 }), rng.Between(5, 8)),
            _ => (rng.Between(9, 12), rng.Pick(new[] { 20, 25 }), rng.Between(5, 8)),
        };

        int axisMax = step * gridLines;
        int first = rng.Between(0, 12 - points);
        var months = ChartTopic.Months.Skip(first).Take(points).ToList();
        var values = new List<int>();
        while (values.Count < points)
        {
            int value = rng.Between(1, axisMax / 5) * 5;
            if (values.Count == 0 || values[^1] != value)
            {
                values.Add(value);
            }
        }

        string where = rng.Pick(topic.Categories);
        string title = $"{topic.Title}: {where}";
        byte[] png = Render(title, months, values, step, gridLines);
        string intro = $"The attached image is a line chart titled \"{title}\" showing {topic.Unit} per month. Its x-axis shows the months {months[0]} to {months[^1]} from left to right, the horizontal gridlines are {step} apart starting at 0, and every value is a multiple of 5 and marked with a red square.";
        string question;
        int answer;
        switch (difficulty)
        {
            case Difficulty.Easy:
            {
                int i = rng.Next(points);
                question = $"What is the value in {months[i]}?";
                answer = values[i];
                break;
            }

            case Difficulty.Medium:
            {
                int a = rng.Between(0, points - 2);
                int b = rng.Between(a + 1, points - 1);
                while (values[a] == values[b])
                {
                    b = b == points - 1 ? a + 1 : b + 1;
                }

                bool rose = values[b] > values[a];
                question = $"By how much did the value {(rose ? "rise" : "fall")} from {months[a]} to {months[b]}?";
                answer = Math.Abs(values[b] - values[a]);
                break;
            }

            default:
                if (rng.Chance(0.5))
                {
                    question = "In how many months did the value fall compared with the month before?";
                    answer = Enumerable.Range(1, points - 1).Count(i => values[i] < values[i - 1]);
                }
                else
                {
                    question = "What is the difference between the highest and the lowest value shown?";
                    answer = values.Max() - values.Min();
                }

                break;
        }

        return new FamilySample($"{intro}\n\n{question} Answer with a single number.", ExpectedAnswer.Number(answer))
        {
            Media = [FamilyMedia.Png(Card, png)],
        };
    }

    /// <inheritdoc />
    public CheckResult Check(FamilySample sample)
    {
        ArgumentNullException.ThrowIfNull(sample);
        if (FamilyMedia.SingleImage(sample) is not { } image)
        {
            return CheckResult.Fail("expected one decodable image");
        }

        var intro = Intro().Match(sample.Prompt);
        if (!intro.Success)
        {
            return CheckResult.Fail("chart description not recognised");
        }

        int firstMonth = ChartTopic.Months.ToList().IndexOf(intro.Groups["from"].Value);
        int lastMonth = ChartTopic.Months.ToList().IndexOf(intro.Groups["to"].Value);
        var values = MeasureMarkers(image, PromptText.ParseInt(intro.Groups["step"].Value));
        if (firstMonth < 0 || values is null || values.Count != lastMonth - firstMonth + 1)
        {
            return CheckResult.Fail($"found {values?.Count ?? 0} markers in the image for the months {intro.Groups["from"].Value} to {intro.Groups["to"].Value}");
        }

        int At(string month) => values[ChartTopic.Months.ToList().IndexOf(month) - firstMonth];
        decimal derived;
        if (AtQuestion().Match(sample.Prompt) is { Success: true } at)
        {
            derived = At(at.Groups["m"].Value);
        }
        else if (ChangeQuestion().Match(sample.Prompt) is { Success: true } change)
        {
            int a = At(change.Groups["a"].Value), b = At(change.Groups["b"].Value);
            bool rose = change.Groups["dir"].Value == "rise";
            if (rose ? b <= a : b >= a)
            {
                return CheckResult.Fail($"the image shows {a} then {b}, not a {change.Groups["dir"].Value}");
            }

            derived = Math.Abs(b - a);
        }
        else if (sample.Prompt.Contains("how many months did the value fall", StringComparison.Ordinal))
        {
            derived = Enumerable.Range(1, values.Count - 1).Count(i => values[i] < values[i - 1]);
        }
        else if (sample.Prompt.Contains("difference between the highest and the lowest value", StringComparison.Ordinal))
        {
            derived = values.Max() - values.Min();
        }
        else
        {
            return CheckResult.Fail("question not recognised");
        }

        return PromptText.CheckNumber(sample, derived);
    }

    /// <summary>
    /// Pixel measurement: the x-axis ticks (black pixels just below the axis) give the columns; in each column the
    /// marker is the run of the colour that is not the line's; its centre over the gridline spacing gives the value.
    /// </summary>
    private static List<int>? MeasureMarkers(PixelImage image, int step)
    {
        int axis = ChartPixels.FindXAxis(image);
        if (axis <= 0)
        {
            return null;
        }

        var ticks = new List<int>();
        for (int x = 0; x < image.Width; x++)
        {
            // A tick is a short black stroke hanging below the axis: black 2 and 5 pixels below it, one pixel wide.
            if (image[x, axis + 2] == 0x000000 && image[x, axis + 5] == 0x000000 && image[x - 1, axis + 3] != 0x000000)
            {
                ticks.Add(x);
            }
        }

        if (ticks.Count < 2)
        {
            return null;
        }

        var grid = ChartPixels.GridRows(image, ticks[0] - (((ticks[1] - ticks[0]) / 2) - 2), axis);
        double spacing = ChartPixels.GridSpacing(axis, grid);
        if (double.IsNaN(spacing))
        {
            return null;
        }

        var values = new List<int>(ticks.Count);
        foreach (int x in ticks)
        {
            var rows = Enumerable.Range(0, axis).Where(y => IsRed(image[x, y])).ToList();
            if (rows.Count == 0)
            {
                return null;
            }

            double centre = (rows[0] + rows[^1]) / 2.0;
            values.Add((int)(Math.Round((axis - centre) / spacing * step / 5, MidpointRounding.AwayFromZero) * 5));
        }

        return values;
    }

    /// <summary>A clearly red pixel (the prompt says the markers are red squares; the line is light blue).</summary>
    private static bool IsRed(uint rgb) => (rgb >> 16) > 180 && ((rgb >> 8) & 0xFF) < 90 && (rgb & 0xFF) < 90;

    private static byte[] Render(string title, IReadOnlyList<string> months, IReadOnlyList<int> values, int step, int gridLines)
    {
        using var canvas = new ImageCanvas(Width, Height, Palette.White);
        canvas.Text(title, Width / 2f, 20, 14, Palette.Black, SKTextAlign.Center);
        double pixelsPerUnit = (PlotBottom - PlotTop) / (double)(step * gridLines);
        for (int g = 1; g <= gridLines; g++)
        {
            int y = PlotBottom - (int)Math.Round(g * step * pixelsPerUnit);
            canvas.FillRect(PlotLeft + 1, y, PlotRight - PlotLeft - 1, 1, Palette.Grid);
            canvas.Text((g * step).ToString(CultureInfo.InvariantCulture), PlotLeft - 6, y + 4, 11, Palette.Black, SKTextAlign.Right);
        }

        canvas.Text("0", PlotLeft - 6, PlotBottom + 4, 11, Palette.Black, SKTextAlign.Right);
        float slot = (PlotRight - PlotLeft) / (float)months.Count;
        var points = new List<(int X, int Y)>();
        for (int i = 0; i < months.Count; i++)
        {
            int x = PlotLeft + (int)Math.Round(slot * (i + 0.5f));
            int y = PlotBottom - (int)Math.Round(values[i] * pixelsPerUnit);
            points.Add((x, y));
            canvas.FillRect(x, PlotBottom + 1, 1, 5, Palette.Black);
            canvas.Text(months[i], x, PlotBottom + 20, 11, Palette.Black, SKTextAlign.Center);
        }

        for (int i = 1; i < points.Count; i++)
        {
            canvas.Line(points[i - 1].X, points[i - 1].Y, points[i].X, points[i].Y, 2, LineColor);
        }

        foreach (var (x, y) in points)
        {
            canvas.FillRect(x - 3, y - 3, 7, 7, MarkerColor);
        }

        canvas.FillRect(PlotLeft, PlotBottom, PlotRight - PlotLeft, 1, Palette.Black);
        canvas.FillRect(PlotLeft, PlotTop - 4, 1, PlotBottom - PlotTop + 4, Palette.Black);
        return canvas.ToPng();
    }

    [GeneratedRegex(@"Its x-axis shows the months (?<from>\w+) to (?<to>\w+) from left to right, the horizontal gridlines are (?<step>\d+) apart starting at 0")]
    private static partial Regex Intro();

    [GeneratedRegex(@"\n\nWhat is the value in (?<m>\w+)\?")]
    private static partial Regex AtQuestion();

    [GeneratedRegex(@"\n\nBy how much did the value (?<dir>rise|fall) from (?<a>\w+) to (?<b>\w+)\?")]
    private static partial Regex ChangeQuestion();
}
