using SkiaSharp;

namespace BenchmarkAgent.Media.Rendering;

/// <summary>
/// A decoded image as plain RGB pixels, for checkers that measure what an image shows. It knows nothing of how the
/// image was drawn: it only decodes the PNG bytes a sample carries.
/// </summary>
internal sealed class PixelImage
{
    private readonly uint[] _rgb;

    private PixelImage(int width, int height, uint[] rgb)
    {
        Width = width;
        Height = height;
        _rgb = rgb;
    }

    /// <summary>The width in pixels.</summary>
    public int Width { get; }

    /// <summary>The height in pixels.</summary>
    public int Height { get; }

    /// <summary>Decodes PNG (or any image SkiaSharp reads); null when the bytes are not an image.</summary>
    public static PixelImage? TryDecode(ReadOnlySpan<byte> bytes)
    {
        using var bitmap = SKBitmap.Decode(bytes);
        if (bitmap is null || bitmap.Width == 0 || bitmap.Height == 0)
        {
            return null;
        }

        var pixels = bitmap.Pixels;
        var rgb = new uint[pixels.Length];
        for (int i = 0; i < pixels.Length; i++)
        {
            rgb[i] = Rgb(pixels[i]);
        }

        return new PixelImage(bitmap.Width, bitmap.Height, rgb);
    }

    /// <summary>The colour at (<paramref name="x"/>, <paramref name="y"/>) as 0xRRGGBB; white outside the image.</summary>
    public uint this[int x, int y] => x < 0 || y < 0 || x >= Width || y >= Height ? 0xFFFFFFu : _rgb[(y * Width) + x];

    /// <summary>The colour as 0xRRGGBB of an <see cref="SKColor"/> (alpha ignored).</summary>
    public static uint Rgb(SKColor color) => ((uint)color.Red << 16) | ((uint)color.Green << 8) | color.Blue;
}
