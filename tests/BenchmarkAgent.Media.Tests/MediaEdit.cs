using SkiaSharp;

namespace BenchmarkAgent.Media.Tests;

/// <summary>Edits a sample's media the way a tamperer would: pixels of a PNG, samples of a WAV.</summary>
internal static class MediaEdit
{
    /// <summary>Decodes the PNG, lets <paramref name="edit"/> change pixels, and encodes it again.</summary>
    public static FamilySampleMedia Png(ReadOnlyMemory<byte> png, Action<SKBitmap> edit)
    {
        using var bitmap = SKBitmap.Decode(png.Span)!;
        edit(bitmap);
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return new FamilySampleMedia(MediaContent.Create(MediaKind.Image, MediaTypes.Png, data.ToArray()));
    }

    /// <summary>Fills a rectangle of the bitmap.</summary>
    public static void Fill(SKBitmap bitmap, int left, int top, int width, int height, SKColor colour)
    {
        for (int y = Math.Max(0, top); y < Math.Min(bitmap.Height, top + height); y++)
        {
            for (int x = Math.Max(0, left); x < Math.Min(bitmap.Width, left + width); x++)
            {
                bitmap.SetPixel(x, y, colour);
            }
        }
    }

    /// <summary>Replaces every pixel of one colour with another.</summary>
    public static void Recolour(SKBitmap bitmap, Func<SKColor, bool> from, SKColor to)
    {
        for (int y = 0; y < bitmap.Height; y++)
        {
            for (int x = 0; x < bitmap.Width; x++)
            {
                if (from(bitmap.GetPixel(x, y)))
                {
                    bitmap.SetPixel(x, y, to);
                }
            }
        }
    }
}

/// <summary>One replaced media file.</summary>
internal sealed record FamilySampleMedia(MediaContent Content);
