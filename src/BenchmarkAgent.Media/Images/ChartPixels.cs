using BenchmarkAgent.Media.Rendering;

namespace BenchmarkAgent.Media.Images;

/// <summary>
/// Measurements of charts taken from decoded pixels only: where the x-axis is, where the gridlines are and how tall
/// each bar or how high each marker is. Used by the chart checkers; it shares no code or constants with the renderers.
/// </summary>
internal static class ChartPixels
{
    private const uint White = 0xFFFFFF;
    private const uint Black = 0x000000;

    /// <summary>True for a pixel that is neither background, text/axis black nor a light-grey gridline.</summary>
    public static bool IsInk(uint rgb) => rgb != White && rgb != Black && !IsGrey(rgb);

    /// <summary>True for a neutral grey (equal channels, neither black nor white): the gridline colour.</summary>
    public static bool IsGrey(uint rgb)
    {
        uint r = rgb >> 16, g = (rgb >> 8) & 0xFF, b = rgb & 0xFF;
        return r == g && g == b && r is > 0 and < 255;
    }

    /// <summary>The row of the x-axis: the lowest row whose longest black run covers at least half the width; -1 when none.</summary>
    public static int FindXAxis(PixelImage image)
    {
        for (int y = image.Height - 1; y >= 0; y--)
        {
            int run = 0, best = 0;
            for (int x = 0; x < image.Width; x++)
            {
                run = image[x, y] == Black ? run + 1 : 0;
                best = Math.Max(best, run);
            }

            if (best >= image.Width / 2)
            {
                return y;
            }
        }

        return -1;
    }

    /// <summary>The rows of gridlines above <paramref name="axis"/> in column <paramref name="x"/>, nearest first.</summary>
    public static List<int> GridRows(PixelImage image, int x, int axis)
    {
        var rows = new List<int>();
        for (int y = axis - 1; y >= 0; y--)
        {
            if (IsGrey(image[x, y]))
            {
                rows.Add(y);
            }
        }

        return rows;
    }

    /// <summary>The average pixel distance between consecutive gridlines, counting the axis as gridline 0; NaN when there are none.</summary>
    public static double GridSpacing(int axis, IReadOnlyList<int> gridRows) =>
        gridRows.Count == 0 ? double.NaN : (axis - gridRows[^1]) / (double)gridRows.Count;

    /// <summary>The horizontal runs of ink in the row just above the axis: one per bar, left to right.</summary>
    public static List<(int Left, int Right)> InkRuns(PixelImage image, int y)
    {
        var runs = new List<(int, int)>();
        int start = -1;
        for (int x = 0; x <= image.Width; x++)
        {
            bool ink = x < image.Width && IsInk(image[x, y]);
            if (ink && start < 0)
            {
                start = x;
            }
            else if (!ink && start >= 0)
            {
                runs.Add((start, x - 1));
                start = -1;
            }
        }

        return runs;
    }

    /// <summary>
    /// The value of every bar, left to right: its pixel height over the gridline spacing times <paramref name="step"/>,
    /// rounded to the nearest multiple of <paramref name="multiple"/>; null when the chart's structure is not found.
    /// </summary>
    public static List<int>? MeasureBars(PixelImage image, int step, int multiple)
    {
        int axis = FindXAxis(image);
        if (axis <= 0)
        {
            return null;
        }

        var bars = InkRuns(image, axis - 1);
        if (bars.Count == 0)
        {
            return null;
        }

        // Gridlines are read in the gap just left of the first bar, where nothing covers them.
        var grid = GridRows(image, bars[0].Left - 2, axis);
        double spacing = GridSpacing(axis, grid);
        if (double.IsNaN(spacing) || spacing < 2)
        {
            return null;
        }

        var values = new List<int>(bars.Count);
        foreach (var (left, right) in bars)
        {
            int x = (left + right) / 2;
            uint colour = image[x, axis - 1];
            int top = axis - 1;
            while (top > 0 && image[x, top - 1] == colour)
            {
                top--;
            }

            double value = (axis - top) / spacing * step;
            values.Add((int)(Math.Round(value / multiple, MidpointRounding.AwayFromZero) * multiple));
        }

        return values;
    }
}
