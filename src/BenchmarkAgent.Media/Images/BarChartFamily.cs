using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using BenchmarkAgent.Families;
using BenchmarkAgent.Media.Rendering;
using SkiaSharp;

namespace BenchmarkAgent.Media.Images;

/// <summary>
/// A bar chart drawn as PNG; the question reads one bar (easy), compares two bars (medium) or asks for the range or the
/// total of bars (hard). The checker never sees the values: it finds the x-axis, the bars and the gridlines in the
/// decoded pixels, converts each bar's pixel height to a value with the gridline spacing the prompt states, and
/// recomputes the answer.
/// </summary>
internal sealed partial class BarChartFamily : ITaskFamily
{
    private const int Width = 480;
    private const int Height = 320;
    private const int PlotLeft = 52;
    private const int PlotRight = 468;
    private const int PlotTop = 34;
    private const int PlotBottom = 270;
    private static readonly SKColor[] BarColors = [new(40, 90, 220), new(30, 160, 60), new(220, 40, 40), new(140, 60, 180)];

    /// <inheritdoc />
    public TaskFamilyCard Card => MediaFamilyCards.BarChart;

    /// <inheritdoc />
    public FamilySample Generate(ulong seed, Difficulty difficulty)
    {
        var rng = new DeterministicRandom(seed);
        var topic = rng.Pick(ChartTopic.All);
        (int bars, int step, int gridLines, int multiple) = difficulty switch
        {
            Difficulty.Easy => (rng.Between(3, 4), 10, rng.Between(6, 10), 10),
            Difficulty.Medium => (rng.Between(5, 6), rng.Pick(new[] { 10, 20 }), rng.Between(5, 8), 5),
            _ => (rng.Between(7, 9), rng.Pick(new[] { 25, 50 }), rng.Between(4, 8), 5),
        };

        int axisMax = step * gridLines;
        var names = rng.Shuffle(topic.Categories).Take(bars).ToList();
        var values = new List<int>();
        while (values.Count < bars)
        {
            int value = rng.Between(1, axisMax / multiple) * multiple;
            if (!values.Contains(value))
            {
                values.Add(value);
            }
        }

        byte[] png = Render(topic.Title, names, values, step, gridLines, rng.Pick(BarColors));
        var intro = new StringBuilder();
        intro.Append(CultureInfo.InvariantCulture, $"The attached image is a bar chart titled \"{topic.Title}\" showing {topic.Unit}. ");
        intro.Append(CultureInfo.InvariantCulture, $"Its bars, from left to right, are labelled {PromptText.JoinAnd(names)}. ");
        intro.Append(CultureInfo.InvariantCulture, $"The horizontal gridlines are {step} apart, starting at 0, and every value is a multiple of {multiple}.");

        string question;
        int answer;
        switch (difficulty)
        {
            case Difficulty.Easy:
            {
                int i = rng.Next(bars);
                question = $"What is the value of the bar labelled {names[i]}?";
                answer = values[i];
                break;
            }

            case Difficulty.Medium:
            {
                int a = rng.Next(bars);
                int b = (a + rng.Between(1, bars - 1)) % bars;
                (a, b) = values[a] > values[b] ? (a, b) : (b, a);
                question = $"How much greater is the value of {names[a]} than the value of {names[b]}?";
                answer = values[a] - values[b];
                break;
            }

            default:
                if (rng.Chance(0.5))
                {
                    question = "What is the difference between the tallest and the shortest bar?";
                    answer = values.Max() - values.Min();
                }
                else
                {
                    var picked = rng.Shuffle(Enumerable.Range(0, bars)).Take(3).Order().ToList();
                    question = $"What is the total of the values of {PromptText.JoinAnd(picked.Select(i => names[i]).ToList())}?";
                    answer = picked.Sum(i => values[i]);
                }

                break;
        }

        string prompt = $"{intro}\n\n{question} Answer with a single number.";
        return new FamilySample(prompt, ExpectedAnswer.Number(answer))
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

        var names = SplitNames(intro.Groups["names"].Value);
        var measured = ChartPixels.MeasureBars(image, PromptText.ParseInt(intro.Groups["step"].Value), PromptText.ParseInt(intro.Groups["multiple"].Value));
        if (measured is null || measured.Count != names.Count)
        {
            return CheckResult.Fail($"found {measured?.Count ?? 0} bars in the image, the prompt names {names.Count}");
        }

        var value = names.Select((n, i) => (n, i)).ToDictionary(p => p.n, p => measured[p.i], StringComparer.Ordinal);
        decimal derived;
        if (ValueQuestion().Match(sample.Prompt) is { Success: true } v && value.TryGetValue(v.Groups["a"].Value, out int one))
        {
            derived = one;
        }
        else if (CompareQuestion().Match(sample.Prompt) is { Success: true } c && value.TryGetValue(c.Groups["a"].Value, out int a) && value.TryGetValue(c.Groups["b"].Value, out int b))
        {
            if (a <= b)
            {
                return CheckResult.Fail($"the image shows {c.Groups["a"].Value} ({a}) not greater than {c.Groups["b"].Value} ({b})");
            }

            derived = a - b;
        }
        else if (sample.Prompt.Contains("difference between the tallest and the shortest bar", StringComparison.Ordinal))
        {
            derived = measured.Max() - measured.Min();
        }
        else if (TotalQuestion().Match(sample.Prompt) is { Success: true } t)
        {
            var picked = SplitNames(t.Groups["names"].Value);
            if (!picked.All(value.ContainsKey))
            {
                return CheckResult.Fail("the total names a bar the chart does not have");
            }

            derived = picked.Sum(n => value[n]);
        }
        else
        {
            return CheckResult.Fail("question not recognised");
        }

        return PromptText.CheckNumber(sample, derived);
    }

    private static byte[] Render(string title, IReadOnlyList<string> names, IReadOnlyList<int> values, int step, int gridLines, SKColor barColor)
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
        float slot = (PlotRight - PlotLeft) / (float)names.Count;
        for (int i = 0; i < names.Count; i++)
        {
            int left = PlotLeft + (int)Math.Round((slot * i) + (slot * 0.2f));
            int right = PlotLeft + (int)Math.Round((slot * i) + (slot * 0.8f));
            int top = PlotBottom - (int)Math.Round(values[i] * pixelsPerUnit);
            canvas.FillRect(left, top, right - left, PlotBottom - top, barColor);
            canvas.Text(names[i], PlotLeft + (slot * (i + 0.5f)), PlotBottom + 18, 11, Palette.Black, SKTextAlign.Center);
        }

        canvas.FillRect(PlotLeft, PlotBottom, PlotRight - PlotLeft, 1, Palette.Black);
        canvas.FillRect(PlotLeft, PlotTop - 4, 1, PlotBottom - PlotTop + 4, Palette.Black);
        return canvas.ToPng();
    }

    private static List<string> SplitNames(string list) =>
        list.Split([", ", " and "], StringSplitOptions.None).ToList();

    [GeneratedRegex(@"Its bars, from left to right, are labelled (?<names>[^.]+)\. The horizontal gridlines are (?<step>\d+) apart, starting at 0, and every value is a multiple of (?<multiple>\d+)\.")]
    private static partial Regex Intro();

    [GeneratedRegex(@"\n\nWhat is the value of the bar labelled (?<a>\w+)\?")]
    private static partial Regex ValueQuestion();

    [GeneratedRegex(@"\n\nHow much greater is the value of (?<a>\w+) than the value of (?<b>\w+)\?")]
    private static partial Regex CompareQuestion();

    [GeneratedRegex(@"\n\nWhat is the total of the values of (?<names>[\w ,]+)\?")]
    private static partial Regex TotalQuestion();
}
