using BenchmarkAgent.Media.Rendering;

namespace BenchmarkAgent.Media.Images;

/// <summary>
/// Monospace text on a whole-pixel pitch, and the matching reader: a small optical reader for the digits of a ruled
/// table. Text is drawn one character per <see cref="Pitch"/> pixels at whole-pixel origins, so each digit always has
/// the same pixels; the reader finds the grid's ruled lines, splits each cell's black ink into glyphs at empty columns,
/// and names each glyph by the nearest of the ten digit glyphs (fewest differing pixels).
/// </summary>
internal static class DigitReader
{
    /// <summary>Horizontal distance between characters, in pixels.</summary>
    public const int Pitch = 9;

    /// <summary>The text size, in pixels.</summary>
    public const float Size = 14;

    private static readonly Lazy<IReadOnlyList<bool[,]>> Templates = new(BuildTemplates, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Draws <paramref name="text"/> in black, one character every <see cref="Pitch"/> pixels from <paramref name="left"/>.</summary>
    public static void DrawMonospace(ImageCanvas canvas, string text, int left, int baseline)
    {
        for (int i = 0; i < text.Length; i++)
        {
            canvas.Text(text[i].ToString(), left + (i * Pitch), baseline, Size, Palette.Black);
        }
    }

    /// <summary>
    /// Reads a ruled table: the cells between full-length black lines, each as its number (null when a cell holds
    /// anything but digits, e.g. a label); null when no grid is found.
    /// </summary>
    public static List<List<int?>>? ReadTable(PixelImage image)
    {
        var horizontal = Lines(image.Height, image.Width, (along, across) => image[along, across]);
        var vertical = Lines(image.Width, image.Height, (along, across) => image[across, along]);
        if (horizontal.Count < 2 || vertical.Count < 2)
        {
            return null;
        }

        var table = new List<List<int?>>();
        for (int r = 0; r + 1 < horizontal.Count; r++)
        {
            var row = new List<int?>();
            for (int c = 0; c + 1 < vertical.Count; c++)
            {
                row.Add(ReadCell(image, vertical[c] + 1, horizontal[r] + 1, vertical[c + 1] - 1, horizontal[r + 1] - 1));
            }

            table.Add(row);
        }

        return table;
    }

    /// <summary>The positions (across) of lines whose black run covers at least 60 % of the image's length along.</summary>
    private static List<int> Lines(int count, int length, Func<int, int, uint> pixel)
    {
        var lines = new List<int>();
        for (int across = 0; across < count; across++)
        {
            int black = 0;
            for (int along = 0; along < length; along++)
            {
                black += pixel(along, across) == 0 ? 1 : 0;
            }

            if (black >= length * 0.6)
            {
                lines.Add(across);
            }
        }

        return lines;
    }

    private static int? ReadCell(PixelImage image, int left, int top, int right, int bottom)
    {
        var glyphs = new List<bool[,]>();
        int start = -1;
        for (int x = left; x <= right + 1; x++)
        {
            bool ink = x <= right && Enumerable.Range(top, bottom - top + 1).Any(y => image[x, y] == 0);
            if (ink && start < 0)
            {
                start = x;
            }
            else if (!ink && start >= 0)
            {
                glyphs.Add(Crop(image, start, top, x - 1, bottom));
                start = -1;
            }
        }

        if (glyphs.Count == 0)
        {
            return null;
        }

        int value = 0;
        foreach (var glyph in glyphs)
        {
            int best = -1, bestDistance = int.MaxValue;
            for (int d = 0; d < 10; d++)
            {
                int distance = Distance(glyph, Templates.Value[d]);
                if (distance < bestDistance)
                {
                    (best, bestDistance) = (d, distance);
                }
            }

            // A glyph far from every digit is a letter: the cell is not a number.
            if (bestDistance > 4)
            {
                return null;
            }

            value = (value * 10) + best;
        }

        return value;
    }

    /// <summary>The black pixels of a region, cropped to their bounding box.</summary>
    private static bool[,] Crop(PixelImage image, int left, int top, int right, int bottom)
    {
        int minY = int.MaxValue, maxY = -1;
        for (int y = top; y <= bottom; y++)
        {
            for (int x = left; x <= right; x++)
            {
                if (image[x, y] == 0)
                {
                    (minY, maxY) = (Math.Min(minY, y), Math.Max(maxY, y));
                }
            }
        }

        var bits = new bool[maxY - minY + 1, right - left + 1];
        for (int y = minY; y <= maxY; y++)
        {
            for (int x = left; x <= right; x++)
            {
                bits[y - minY, x - left] = image[x, y] == 0;
            }
        }

        return bits;
    }

    private static int Distance(bool[,] a, bool[,] b)
    {
        if (a.GetLength(0) != b.GetLength(0) || a.GetLength(1) != b.GetLength(1))
        {
            return int.MaxValue;
        }

        int distance = 0;
        for (int y = 0; y < a.GetLength(0); y++)
        {
            for (int x = 0; x < a.GetLength(1); x++)
            {
                distance += a[y, x] != b[y, x] ? 1 : 0;
            }
        }

        return distance;
    }

    private static IReadOnlyList<bool[,]> BuildTemplates()
    {
        var templates = new List<bool[,]>();
        for (int d = 0; d < 10; d++)
        {
            using var canvas = new ImageCanvas(30, 30, Palette.White);
            DrawMonospace(canvas, d.ToString(System.Globalization.CultureInfo.InvariantCulture), 8, 20);
            var image = PixelImage.TryDecode(canvas.ToPng())!;
            templates.Add(Crop(image, 0, 0, image.Width - 1, image.Height - 1) is var bits ? TrimColumns(bits) : null!);
        }

        return templates;
    }

    private static bool[,] TrimColumns(bool[,] bits)
    {
        int h = bits.GetLength(0), w = bits.GetLength(1);
        int first = Enumerable.Range(0, w).First(x => Enumerable.Range(0, h).Any(y => bits[y, x]));
        int last = Enumerable.Range(0, w).Last(x => Enumerable.Range(0, h).Any(y => bits[y, x]));
        var trimmed = new bool[h, last - first + 1];
        for (int y = 0; y < h; y++)
        {
            for (int x = first; x <= last; x++)
            {
                trimmed[y, x - first] = bits[y, x];
            }
        }

        return trimmed;
    }
}
