using System.Text.RegularExpressions;
using BenchmarkAgent.Families;
using BenchmarkAgent.Media.Audio;
using BenchmarkAgent.Media.Images;
using BenchmarkAgent.Media.Rendering;
using SkiaSharp;

namespace BenchmarkAgent.Media.Tests;

/// <summary>An edited image or clip (not just a changed answer) is caught by the family's checker.</summary>
public sealed partial class MediaTamperTests
{
    [Fact]
    public void Raising_one_bar_is_caught_exactly_when_it_is_the_bar_asked_about()
    {
        var family = new BarChartFamily();
        for (ulong seed = 0; seed < 15; seed++)
        {
            var sample = family.Generate(seed, Difficulty.Easy);
            var image = Decode(sample);
            int axis = ChartPixels.FindXAxis(image);
            var bars = ChartPixels.InkRuns(image, axis - 1);
            int caught = 0;
            foreach (var (left, right) in bars)
            {
                var edited = MediaEdit.Png(sample.Media[0].Bytes, bitmap =>
                {
                    var colour = bitmap.GetPixel(left, axis - 1);
                    int top = axis - 1;
                    while (bitmap.GetPixel(left, top - 1) == colour)
                    {
                        top--;
                    }

                    MediaEdit.Fill(bitmap, left, top - 40, right - left + 1, 40, colour);
                });
                caught += family.Check(sample with { Media = [edited.Content] }).Agrees ? 0 : 1;
            }

            string asked = Regex.Match(sample.Prompt, @"bar labelled (\w+)\?").Groups[1].Value;
            Assert.True(caught == 1, $"seed {seed}: {caught} of {bars.Count} single-bar edits caught; only the edit of '{asked}' should be");
        }
    }

    [Fact]
    public void Moving_one_marker_is_caught_exactly_when_it_is_the_month_asked_about()
    {
        var family = new LineChartFamily();
        for (ulong seed = 0; seed < 10; seed++)
        {
            var sample = family.Generate(seed, Difficulty.Easy);
            var image = Decode(sample);
            var markers = ImageBlob.Find(image, 20).Where(b => b.Colour >> 16 > 180 && ((b.Colour >> 8) & 0xFF) < 90).ToList();
            Assert.NotEmpty(markers);
            int caught = 0;
            foreach (var marker in markers)
            {
                var edited = MediaEdit.Png(sample.Media[0].Bytes, bitmap =>
                {
                    MediaEdit.Fill(bitmap, marker.Left, marker.Top, marker.Right - marker.Left + 1, marker.Bottom - marker.Top + 1, SKColors.White);
                    MediaEdit.Fill(bitmap, marker.Left, marker.Top - 30, marker.Right - marker.Left + 1, marker.Bottom - marker.Top + 1, new SKColor(220, 40, 40));
                });
                caught += family.Check(sample with { Media = [edited.Content] }).Agrees ? 0 : 1;
            }

            Assert.True(caught == 1, $"seed {seed}: {caught} of {markers.Count} marker moves caught; only the asked month's should be");
        }
    }

    [Fact]
    public void Turning_the_pie_a_quarter_is_mostly_caught()
    {
        // The prompt names the slices clockwise from 12 o'clock; turning the drawing moves other slices to the top, so
        // the shares no longer belong to the names the prompt gives. (Swapping slice colours would not matter: the
        // checker reads angles in order, not colours.)
        var family = new PieChartFamily();
        int caught = 0;
        const int Seeds = 20;
        for (ulong seed = 0; seed < Seeds; seed++)
        {
            var sample = family.Generate(seed, Difficulty.Medium);
            var image = Decode(sample);
            var pie = ImageBlob.Find(image, 50).Where(b => b.Right < 300).ToList();
            int left = pie.Min(b => b.Left), right = pie.Max(b => b.Right), top = pie.Min(b => b.Top), bottom = pie.Max(b => b.Bottom);
            int cx = (left + right) / 2, cy = (top + bottom) / 2, r = ((right - left) / 2) + 2;
            var edited = MediaEdit.Png(sample.Media[0].Bytes, bitmap =>
            {
                using var copy = bitmap.Copy();
                for (int y = cy - r; y <= cy + r; y++)
                {
                    for (int x = cx - r; x <= cx + r; x++)
                    {
                        bitmap.SetPixel(x, y, copy.GetPixel(cx + (y - cy), cy - (x - cx)));
                    }
                }
            });
            caught += family.Check(sample with { Media = [edited.Content] }).Agrees ? 0 : 1;
        }

        Assert.True(caught >= Seeds * 0.7, $"only {caught} of {Seeds} turned pies caught");
    }

    [Fact]
    public void Recolouring_one_shape_of_the_asked_colour_is_caught()
    {
        var family = new ShapeCountingFamily();
        for (ulong seed = 0; seed < 15; seed++)
        {
            var sample = family.Generate(seed, Difficulty.Easy);
            string colourName = Regex.Match(sample.Prompt, @"How many (\w+) shapes").Groups[1].Value;
            uint colour = PixelImage.Rgb(Palette.Named.Single(n => n.Name == colourName).Color);
            var blob = ImageBlob.Find(Decode(sample), 100).First(b => b.Colour == colour);
            var edited = MediaEdit.Png(sample.Media[0].Bytes, bitmap =>
            {
                for (int y = blob.Top; y <= blob.Bottom; y++)
                {
                    for (int x = blob.Left; x <= blob.Right; x++)
                    {
                        if (PixelImage.Rgb(bitmap.GetPixel(x, y)) == colour)
                        {
                            bitmap.SetPixel(x, y, Palette.Named[6].Color);
                        }
                    }
                }
            });
            Assert.False(family.Check(sample with { Media = [edited.Content] }).Agrees, $"seed {seed}: a recoloured {colourName} shape was not caught");
        }
    }

    [Fact]
    public void Turning_the_minute_hand_a_quarter_is_caught()
    {
        var family = new ClockFaceFamily();
        for (ulong seed = 0; seed < 15; seed++)
        {
            var sample = family.Generate(seed, Difficulty.Medium);
            var image = Decode(sample);
            var rim = ImageBlob.Find(image, 1000).Where(b => b.Colour == 0).MaxBy(b => b.Right - b.Left)!;
            var edited = MediaEdit.Png(sample.Media[0].Bytes, bitmap =>
            {
                MediaEdit.Recolour(bitmap, c => c.Red > 170 && c.Green < 80 && c.Blue < 80, SKColors.White);
                var match = Regex.Match(sample.Answer.Value, @"(\d+):(\d+)");
                double angle = (int.Parse(match.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture) + 15) * Math.PI / 30;
                float cx = (float)rim.CentreX, cy = (float)rim.CentreY, r = (rim.Right - rim.Left) / 2f;
                using var canvas = new SKCanvas(bitmap);
                using var paint = new SKPaint { Color = new SKColor(210, 30, 30), StrokeWidth = 3, IsAntialias = false };
                canvas.DrawLine(cx, cy, cx + (float)(0.85 * r * Math.Sin(angle)), cy - (float)(0.85 * r * Math.Cos(angle)), paint);
            });
            Assert.False(family.Check(sample with { Media = [edited.Content] }).Agrees, $"seed {seed}: a turned minute hand was not caught");
        }
    }

    [Fact]
    public void Moving_the_goal_of_a_maze_is_mostly_caught()
    {
        var family = new MazePathFamily();
        int caught = 0;
        const int Seeds = 20;
        for (ulong seed = 0; seed < Seeds; seed++)
        {
            var sample = family.Generate(seed, Difficulty.Medium);
            var image = Decode(sample);
            var goal = ImageBlob.Find(image, 100).Single(b => b.Colour >> 16 > 170 && ((b.Colour >> 8) & 0xFF) < 90);
            var open = ImageBlob.Find(image, 100).Where(b => b.Colour == 0xFFFFFF).ToList();
            var edited = MediaEdit.Png(sample.Media[0].Bytes, bitmap =>
            {
                var red = bitmap.GetPixel(goal.Left, goal.Top);
                MediaEdit.Fill(bitmap, goal.Left, goal.Top, goal.Right - goal.Left + 1, goal.Bottom - goal.Top + 1, SKColors.White);
                // The open cell nearest the opposite corner becomes the goal.
                int w = bitmap.Width, h = bitmap.Height;
                int tx = goal.CentreX < w / 2.0 ? w - 20 : 20, ty = goal.CentreY < h / 2.0 ? h - 20 : 20;
                for (int d = 0; d < w; d += 30)
                {
                    int x = Math.Clamp(tx + (tx < w / 2 ? d : -d), 15, w - 15);
                    if (bitmap.GetPixel(x, ty) == SKColors.White)
                    {
                        MediaEdit.Fill(bitmap, x - 10, ty - 10, 20, 20, red);
                        break;
                    }
                }
            });
            caught += family.Check(sample with { Media = [edited.Content] }).Agrees ? 0 : 1;
        }

        Assert.True(caught >= Seeds * 0.7, $"only {caught} of {Seeds} moved goals caught");
    }

    [Fact]
    public void Swapping_two_table_rows_is_caught_when_the_asked_row_moves()
    {
        var family = new TableImageFamily();
        int caught = 0, tried = 0;
        for (ulong seed = 0; seed < 20; seed++)
        {
            var sample = family.Generate(seed, Difficulty.Easy);
            var rows = Regex.Match(sample.Prompt, @"Its rows, from top to bottom, are ([^;]+);").Groups[1].Value.Split([", ", " and "], StringSplitOptions.None).ToList();
            int asked = rows.IndexOf(Regex.Match(sample.Prompt, @"in row (\w+),").Groups[1].Value);
            int other = asked == 0 ? 1 : 0;
            var edited = MediaEdit.Png(sample.Media[0].Bytes, bitmap =>
            {
                // Rows are 26 pixels high below a 10-pixel margin and the header row; swap the two bands' pixels.
                int a = 10 + ((asked + 1) * 26), b = 10 + ((other + 1) * 26);
                for (int dy = 1; dy < 26; dy++)
                {
                    for (int x = 0; x < bitmap.Width; x++)
                    {
                        var pa = bitmap.GetPixel(x, a + dy);
                        bitmap.SetPixel(x, a + dy, bitmap.GetPixel(x, b + dy));
                        bitmap.SetPixel(x, b + dy, pa);
                    }
                }
            });
            var swapped = family.Check(sample with { Media = [edited.Content] });
            tried++;
            caught += swapped.Agrees ? 0 : 1;
        }

        // Two rows may hold the same number in the asked column; nearly every swap changes the answer.
        Assert.True(caught >= tried * 0.9, $"only {caught} of {tried} swapped rows caught");
    }

    [Fact]
    public void Silencing_one_beep_is_caught()
    {
        var family = new BeepCountingFamily();
        for (ulong seed = 0; seed < 15; seed++)
        {
            var sample = family.Generate(seed, Difficulty.Medium);
            Assert.True(WavFile.TryDecode(sample.Media[0].Bytes.Span, out int rate, out short[] samples));
            var first = AudioAnalysis.Segments(samples, rate)[0];
            Array.Clear(samples, first.Start, first.Length + (rate / 100));
            var edited = MediaContent.Create(MediaKind.Audio, MediaTypes.Wav, WavFile.Encode(samples, rate));
            Assert.False(family.Check(sample with { Media = [edited] }).Agrees, $"seed {seed}: a silenced beep was not caught");
        }
    }

    [Fact]
    public void Replacing_one_dtmf_key_is_caught()
    {
        var family = new DtmfFamily();
        for (ulong seed = 0; seed < 15; seed++)
        {
            var sample = family.Generate(seed, Difficulty.Medium);
            Assert.True(WavFile.TryDecode(sample.Media[0].Bytes.Span, out int rate, out short[] samples));
            var tone = AudioAnalysis.Segments(samples, rate, minGapMs: 30)[1];
            // The key pressed second becomes a '#' (941 Hz + 1477 Hz), which no medium item uses.
            var replacement = new ToneSynth().Tone(1000, 0.6, 941, 1477).Samples;
            for (int i = 0; i < tone.Length && tone.Start + i < samples.Length; i++)
            {
                if (samples[tone.Start + i] != 0)
                {
                    samples[tone.Start + i] = replacement[i];
                }
            }

            var edited = MediaContent.Create(MediaKind.Audio, MediaTypes.Wav, WavFile.Encode(samples, rate));
            Assert.False(family.Check(sample with { Media = [edited] }).Agrees, $"seed {seed}: a replaced key was not caught");
        }
    }

    [Fact]
    public void Playing_two_tones_in_the_other_order_is_caught()
    {
        var family = new ToneComparisonFamily();
        for (ulong seed = 0; seed < 15; seed++)
        {
            var sample = family.Generate(seed, Difficulty.Medium);
            Assert.True(WavFile.TryDecode(sample.Media[0].Bytes.Span, out int rate, out short[] samples));
            var tones = AudioAnalysis.Segments(samples, rate);
            var reordered = new List<short>(new short[rate / 5]);
            foreach (var tone in Enumerable.Reverse(tones))
            {
                reordered.AddRange(samples.AsSpan(tone.Start, tone.Length).ToArray());
                reordered.AddRange(new short[rate * 2 / 5]);
            }

            var edited = MediaContent.Create(MediaKind.Audio, MediaTypes.Wav, WavFile.Encode(reordered.ToArray(), rate));
            Assert.False(family.Check(sample with { Media = [edited] }).Agrees, $"seed {seed}: reversed tones were not caught");
        }
    }

    private static PixelImage Decode(FamilySample sample) => PixelImage.TryDecode(sample.Media[0].Bytes.Span)!;
}
