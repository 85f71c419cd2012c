using System.Globalization;
using System.Text.RegularExpressions;
using BenchmarkAgent.Families;
using BenchmarkAgent.Media.Rendering;
using SkiaSharp;

namespace BenchmarkAgent.Media.Images;

/// <summary>
/// An analogue clock face drawn as PNG: numerals and quarter hours (easy), numerals and five-minute steps (medium),
/// tick marks only and any minute (hard). The checker finds the face by its black rim, samples a ring at 70 % of the
/// radius for the red minute hand and a ring at 30 % for the dark blue hour hand, and turns the hands' angles back
/// into a time.
/// </summary>
internal sealed partial class ClockFaceFamily : ITaskFamily
{
    private const int Size = 320;
    private static readonly SKColor HourHand = new(30, 40, 120);
    private static readonly SKColor MinuteHand = new(210, 30, 30);
    private static readonly SKColor Label = new(70, 70, 70);
    private static readonly SKColor[] Faces = [new(255, 255, 255), new(255, 248, 225), new(232, 244, 255), new(236, 250, 236)];
    private static readonly string[] Places = ["Lisbon", "Oslo", "Quito", "Nairobi", "Hanoi", "Perth", "Lima", "Riga", "Tunis", "Dakar", "Lyon", "Porto", "Graz", "Turku", "Cork", "Basel", "Malmo", "Split"];
    private static readonly string[] Kinds = ["station clock", "kitchen clock", "tower clock", "school clock", "office clock", "harbour clock"];

    /// <inheritdoc />
    public TaskFamilyCard Card => MediaFamilyCards.Clock;

    /// <inheritdoc />
    public FamilySample Generate(ulong seed, Difficulty difficulty)
    {
        var rng = new DeterministicRandom(seed);
        int hour = rng.Between(1, 12);
        int minute = difficulty switch
        {
            Difficulty.Easy => rng.Next(4) * 15,
            Difficulty.Medium => rng.Next(12) * 5,
            _ => rng.Next(60),
        };

        string label = $"{rng.Pick(Kinds)}, {rng.Pick(Places)}";
        int radius = rng.Between(110, 128);
        float cx = (Size / 2f) + rng.Between(-8, 8), cy = (Size / 2f) + 12 + rng.Between(-4, 4);
        byte[] png = Render(label, hour, minute, radius, cx, cy, rng.Pick(Faces), numerals: difficulty != Difficulty.Hard);
        string marks = difficulty == Difficulty.Hard ? "tick marks but no numerals" : "the numerals 1 to 12";
        string prompt = $"The attached image shows an analogue {label} with {marks}. The short dark blue hand is the hour hand and the long red hand is the minute hand.\n\nWhat time does the clock show? Answer in H:MM format on a 12-hour clock, without a leading zero for the hour (for example 3:07).";
        return new FamilySample(prompt, ExpectedAnswer.Text(Format(hour, minute)))
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

        // The rim is the outermost pure black: its bounding box gives the centre and the radius.
        int minX = int.MaxValue, maxX = -1, minY = int.MaxValue, maxY = -1;
        for (int y = 0; y < image.Height; y++)
        {
            for (int x = 0; x < image.Width; x++)
            {
                if (image[x, y] == 0x000000)
                {
                    (minX, maxX, minY, maxY) = (Math.Min(minX, x), Math.Max(maxX, x), Math.Min(minY, y), Math.Max(maxY, y));
                }
            }
        }

        if (maxX < 0)
        {
            return CheckResult.Fail("no clock face found");
        }

        double cx = (minX + maxX) / 2.0, cy = (minY + maxY) / 2.0, r = (maxX - minX) / 2.0;
        double? minuteAngle = HandAngle(image, cx, cy, r * 0.7, IsRed);
        double? hourAngle = HandAngle(image, cx, cy, r * 0.3, IsDarkBlue);
        if (minuteAngle is null || hourAngle is null)
        {
            return CheckResult.Fail("a hand was not found");
        }

        int minute = (int)Math.Round(minuteAngle.Value / 6, MidpointRounding.AwayFromZero) % 60;
        double hourExact = (hourAngle.Value / 30) - (minute / 60.0);
        int hour = (int)Math.Round(hourExact, MidpointRounding.AwayFromZero);
        if (Math.Abs(hourExact - hour) > 0.3)
        {
            return CheckResult.Fail($"the hour hand ({hourAngle:F1} degrees) does not fit the minute hand ({minute} minutes)");
        }

        hour = ((hour % 12) + 12) % 12;
        return PromptText.CheckText(sample, Format(hour == 0 ? 12 : hour, minute));
    }

    private static string Format(int hour, int minute) => $"{hour.ToString(CultureInfo.InvariantCulture)}:{minute.ToString("00", CultureInfo.InvariantCulture)}";

    /// <summary>The mean angle (degrees clockwise from 12) of the ring samples at <paramref name="radius"/> that <paramref name="isHand"/> accepts.</summary>
    private static double? HandAngle(PixelImage image, double cx, double cy, double radius, Func<uint, bool> isHand)
    {
        double sx = 0, sy = 0;
        int hits = 0;
        for (int i = 0; i < 3600; i++)
        {
            double a = i / 3600.0 * 2 * Math.PI;
            if (isHand(image[(int)Math.Round(cx + (radius * Math.Sin(a))), (int)Math.Round(cy - (radius * Math.Cos(a)))]))
            {
                sx += Math.Sin(a);
                sy += Math.Cos(a);
                hits++;
            }
        }

        if (hits == 0)
        {
            return null;
        }

        double degrees = Math.Atan2(sx, sy) * 180 / Math.PI;
        return degrees < 0 ? degrees + 360 : degrees;
    }

    private static bool IsRed(uint rgb) => (rgb >> 16) > 170 && ((rgb >> 8) & 0xFF) < 80 && (rgb & 0xFF) < 80;

    private static bool IsDarkBlue(uint rgb) => (rgb >> 16) < 80 && ((rgb >> 8) & 0xFF) < 80 && (rgb & 0xFF) is > 90 and < 170;

    private static byte[] Render(string label, int hour, int minute, int radius, float cx, float cy, SKColor face, bool numerals)
    {
        using var canvas = new ImageCanvas(Size, Size + 24, Palette.White);
        canvas.Text(label, Size / 2f, 18, 13, Label, SKTextAlign.Center);
        canvas.FillCircle(cx, cy, radius, face);
        canvas.StrokeCircle(cx, cy, radius - 2, 4, Palette.Black);
        for (int t = 0; t < 60; t++)
        {
            bool major = t % 5 == 0;
            if (!major && numerals)
            {
                continue;
            }

            double a = t * Math.PI / 30;
            float inner = radius - (major ? 16 : 9);
            canvas.Line(cx + (float)(inner * Math.Sin(a)), cy - (float)(inner * Math.Cos(a)), cx + (float)((radius - 4) * Math.Sin(a)), cy - (float)((radius - 4) * Math.Cos(a)), major ? 3 : 1, Palette.Black);
            if (major && numerals)
            {
                int n = t == 0 ? 12 : t / 5;
                float nr = radius - 32;
                canvas.Text(n.ToString(CultureInfo.InvariantCulture), cx + (float)(nr * Math.Sin(a)), cy - (float)(nr * Math.Cos(a)) + 6, 17, Palette.Black, SKTextAlign.Center);
            }
        }

        double minuteAngle = minute * Math.PI / 30;
        double hourAngle = ((hour % 12) + (minute / 60.0)) * Math.PI / 6;
        canvas.Line(cx, cy, cx + (float)(radius * 0.85 * Math.Sin(minuteAngle)), cy - (float)(radius * 0.85 * Math.Cos(minuteAngle)), 3, MinuteHand);
        canvas.Line(cx, cy, cx + (float)(radius * 0.5 * Math.Sin(hourAngle)), cy - (float)(radius * 0.5 * Math.Cos(hourAngle)), 7, HourHand);
        canvas.FillCircle(cx, cy, 5, HourHand);
        return canvas.ToPng();
    }
}
