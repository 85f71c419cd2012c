using BenchmarkAgent.Media.Rendering;

namespace BenchmarkAgent.Media.Images;

/// <summary>A connected region of one colour found in an image.</summary>
/// <param name="Colour">The region's colour (0xRRGGBB).</param>
/// <param name="Area">Its pixel count.</param>
/// <param name="Left">Leftmost column.</param>
/// <param name="Top">Top row.</param>
/// <param name="Right">Rightmost column.</param>
/// <param name="Bottom">Bottom row.</param>
internal sealed record ImageBlob(uint Colour, int Area, int Left, int Top, int Right, int Bottom)
{
    /// <summary>The centre of the bounding box, x.</summary>
    public double CentreX => (Left + Right) / 2.0;

    /// <summary>The centre of the bounding box, y.</summary>
    public double CentreY => (Top + Bottom) / 2.0;

    /// <summary>The share of the bounding box the region fills: about 1 for a square, 0.79 for a circle, 0.5 for a triangle.</summary>
    public double Fill => Area / (double)((Right - Left + 1) * (Bottom - Top + 1));

    /// <summary>The connected single-colour regions (4-neighbour) of every colour except white, of at least <paramref name="minArea"/> pixels.</summary>
    public static List<ImageBlob> Find(PixelImage image, int minArea)
    {
        var seen = new bool[image.Width * image.Height];
        var blobs = new List<ImageBlob>();
        var stack = new Stack<(int X, int Y)>();
        for (int y0 = 0; y0 < image.Height; y0++)
        {
            for (int x0 = 0; x0 < image.Width; x0++)
            {
                uint colour = image[x0, y0];
                if (seen[(y0 * image.Width) + x0] || colour == 0xFFFFFF)
                {
                    continue;
                }

                int area = 0, left = x0, right = x0, top = y0, bottom = y0;
                seen[(y0 * image.Width) + x0] = true;
                stack.Push((x0, y0));
                while (stack.Count > 0)
                {
                    var (x, y) = stack.Pop();
                    area++;
                    (left, right, top, bottom) = (Math.Min(left, x), Math.Max(right, x), Math.Min(top, y), Math.Max(bottom, y));
                    foreach (var (nx, ny) in new[] { (x + 1, y), (x - 1, y), (x, y + 1), (x, y - 1) })
                    {
                        if (nx >= 0 && ny >= 0 && nx < image.Width && ny < image.Height && !seen[(ny * image.Width) + nx] && image[nx, ny] == colour)
                        {
                            seen[(ny * image.Width) + nx] = true;
                            stack.Push((nx, ny));
                        }
                    }
                }

                if (area >= minArea)
                {
                    blobs.Add(new ImageBlob(colour, area, left, top, right, bottom));
                }
            }
        }

        return blobs;
    }
}
