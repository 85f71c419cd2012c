using System.Globalization;
using System.Text.RegularExpressions;
using BenchmarkAgent.Families;
using BenchmarkAgent.Media.Rendering;
using SkiaSharp;

namespace BenchmarkAgent.Media.Images;

/// <summary>
/// A pie chart with a legend, drawn as PNG; multiple choice on the category with the largest share (easy), the
/// largest or smallest share (medium), or the percentage of one slice (hard). Shares are multiples of 5 %. The
/// checker finds the pie in the decoded pixels, walks a circle around its centre clockwise from 12 o'clock and
/// measures each colour run's angle, then maps runs to names in the order the prompt gives.
/// </summary>
internal sealed partial class PieChartFamily : ITaskFamily
{
    private const int Width = 480;
    private const int Height = 320;
    private const float CentreX = 160;
    private const float CentreY = 170;
    private const float Radius = 120;

    /// <inheritdoc />
    public TaskFamilyCard Card => MediaFamilyCards.PieChart;

    /// <inheritdoc />
    public FamilySample Generate(ulong seed, Difficulty difficulty)
    {
        var rng = new DeterministicRandom(seed);
        var topic = rng.Pick(ChartTopic.All);
        int slices = difficulty switch
        {
            Difficulty.Easy => 3,
            Difficulty.Medium => 4,
            _ => 5,
        };

        // Distinct shares in steps of 5 % that sum to 100 % (at most five slices: six distinct multiples of 5 % exceed 100 %).
        List<int> shares;
        do
        {
            shares = Enumerable.Repeat(1, slices).ToList();
            for (int left = 20 - slices; left > 0; left--)
            {
                shares[rng.Next(slices)]++;
            }
        }
        while (shares.Distinct().Count() != slices);

        shares = shares.Select(s => s * 5).ToList();
        var names = rng.Shuffle(topic.Categories).Take(slices).ToList();
        var colours = rng.Shuffle(Palette.Named).Take(slices).ToList();
        byte[] png = Render(topic.Title, names, shares, colours.Select(c => c.Color).ToList());
        string intro = $"The attached image is a pie chart titled \"{topic.Title}\" with a legend. Starting at 12 o'clock and going clockwise, its slices are {PromptText.JoinAnd(names)}.";
        FamilySample sample;
        if (difficulty == Difficulty.Hard)
        {
            int i = rng.Next(slices);
            var distractors = new[] { -15, -10, -5, 5, 10, 15 }.Select(d => shares[i] + d).Where(p => p is > 0 and < 100);
            var options = rng.Shuffle(distractors).Take(3).Select(p => Percent(p)).ToList();
            sample = PromptText.ChoiceSample(rng, $"{intro}\n\nWhat percentage of the whole is the {names[i]} slice?", Percent(shares[i]), options);
        }
        else
        {
            bool largest = difficulty == Difficulty.Easy || rng.Chance(0.5);
            int target = largest ? shares.IndexOf(shares.Max()) : shares.IndexOf(shares.Min());
            var others = names.Where((_, k) => k != target).ToList();
            sample = PromptText.ChoiceSample(rng, $"{intro}\n\nWhich category has the {(largest ? "largest" : "smallest")} share?", names[target], others);
        }

        return sample with { Media = [FamilyMedia.Png(Card, png)] };
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

        var names = intro.Groups["names"].Value.Split([", ", " and "], StringSplitOptions.None);
        var shares = MeasureShares(image);
        if (shares is null || shares.Count != names.Length)
        {
            return CheckResult.Fail($"found {shares?.Count ?? 0} slices in the image, the prompt names {names.Length}");
        }

        if (shares.Sum() != 100)
        {
            return CheckResult.Fail($"measured shares {string.Join("/", shares)} do not add up to 100");
        }

        if (PercentQuestion().Match(sample.Prompt) is { Success: true } p)
        {
            int i = Array.IndexOf(names, p.Groups["name"].Value);
            return i < 0 ? CheckResult.Fail("unknown slice") : PromptText.CheckChoice(sample, Percent(shares[i]));
        }

        if (ShareQuestion().Match(sample.Prompt) is { Success: true } q)
        {
            int best = q.Groups["which"].Value == "largest" ? shares.Max() : shares.Min();
            if (shares.Count(s => s == best) != 1)
            {
                return CheckResult.Fail("the measured shares have no single answer");
            }

            return PromptText.CheckChoice(sample, names[shares.IndexOf(best)]);
        }

        return CheckResult.Fail("question not recognised");
    }

    /// <summary>
    /// The shares, in percent rounded to multiples of 5, of the colour runs met walking clockwise from 12 o'clock around
    /// the pie's centre. The pie is the largest blob of ink left of the legend; its bounding box gives centre and radius.
    /// </summary>
    private static List<int>? MeasureShares(PixelImage image)
    {
        int minX = int.MaxValue, maxX = -1, minY = int.MaxValue, maxY = -1;
        for (int y = 0; y < image.Height; y++)
        {
            for (int x = 0; x < image.Width / 2 + 60; x++)
            {
                if (ChartPixels.IsInk(image[x, y]))
                {
                    (minX, maxX, minY, maxY) = (Math.Min(minX, x), Math.Max(maxX, x), Math.Min(minY, y), Math.Max(maxY, y));
                }
            }
        }

        if (maxX < 0)
        {
            return null;
        }

        double cx = (minX + maxX) / 2.0, cy = (minY + maxY) / 2.0, r = (maxX - minX) / 2.0 * 0.6;
        const int Steps = 3600;
        var runs = new List<(uint Colour, int Length)>();
        for (int i = 0; i < Steps; i++)
        {
            double angle = (i + 0.5) / Steps * 2 * Math.PI;
            uint c = image[(int)Math.Round(cx + (r * Math.Sin(angle))), (int)Math.Round(cy - (r * Math.Cos(angle)))];
            if (runs.Count > 0 && runs[^1].Colour == c)
            {
                runs[^1] = (c, runs[^1].Length + 1);
            }
            else
            {
                runs.Add((c, 1));
            }
        }

        if (runs.Count > 1 && runs[0].Colour == runs[^1].Colour)
        {
            runs[0] = (runs[0].Colour, runs[0].Length + runs[^1].Length);
            runs.RemoveAt(runs.Count - 1);
        }

        return runs.Select(run => (int)(Math.Round(run.Length * 100.0 / Steps / 5, MidpointRounding.AwayFromZero) * 5)).ToList();
    }

    private static string Percent(int value) => value.ToString(CultureInfo.InvariantCulture) + "%";

    private static byte[] Render(string title, IReadOnlyList<string> names, IReadOnlyList<int> shares, IReadOnlyList<SKColor> colours)
    {
        using var canvas = new ImageCanvas(Width, Height, Palette.White);
        canvas.Text(title, Width / 2f, 22, 14, Palette.Black, SKTextAlign.Center);
        float start = -90;
        for (int i = 0; i < shares.Count; i++)
        {
            float sweep = shares[i] * 3.6f;
            canvas.FillWedge(CentreX, CentreY, Radius, start, sweep, colours[i]);
            start += sweep;
        }

        for (int i = 0; i < names.Count; i++)
        {
            int y = 110 + (i * 24);
            canvas.FillRect(320, y - 11, 14, 14, colours[i]);
            canvas.Text(names[i], 342, y + 1, 13, Palette.Black);
        }

        return canvas.ToPng();
    }

    [GeneratedRegex(@"Starting at 12 o'clock and going clockwise, its slices are (?<names>[^.]+)\.")]
    private static partial Regex Intro();

    [GeneratedRegex(@"\n\nWhat percentage of the whole is the (?<name>\w+) slice\?")]
    private static partial Regex PercentQuestion();

    [GeneratedRegex(@"\n\nWhich category has the (?<which>largest|smallest) share\?")]
    private static partial Regex ShareQuestion();
}
