using SkiaSharp;

namespace BenchmarkAgent.Media.Rendering;

/// <summary>
/// A white raster canvas that draws with aliased edges only (every pixel is exactly one of the colours drawn, which
/// keeps the output identical across CPUs and lets checkers classify pixels by colour) and encodes to PNG.
/// </summary>
internal sealed class ImageCanvas : IDisposable
{
    private readonly SKSurface _surface;

    /// <summary>Creates a <paramref name="width"/> by <paramref name="height"/> canvas filled with <paramref name="background"/>.</summary>
    public ImageCanvas(int width, int height, SKColor background)
    {
        Width = width;
        Height = height;
        _surface = SKSurface.Create(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul))
            ?? throw new InvalidOperationException($"SkiaSharp cannot create a {width}x{height} raster surface.");
        _surface.Canvas.Clear(background);
    }

    /// <summary>The width in pixels.</summary>
    public int Width { get; }

    /// <summary>The height in pixels.</summary>
    public int Height { get; }

    /// <summary>Fills the rectangle from (<paramref name="left"/>, <paramref name="top"/>) of the given size.</summary>
    public void FillRect(int left, int top, int width, int height, SKColor color)
    {
        using var paint = Fill(color);
        _surface.Canvas.DrawRect(left, top, width, height, paint);
    }

    /// <summary>Draws a straight line of <paramref name="thickness"/> pixels with square ends.</summary>
    public void Line(float x0, float y0, float x1, float y1, float thickness, SKColor color)
    {
        using var paint = Stroke(color, thickness);
        _surface.Canvas.DrawLine(x0, y0, x1, y1, paint);
    }

    /// <summary>Fills a circle.</summary>
    public void FillCircle(float cx, float cy, float radius, SKColor color)
    {
        using var paint = Fill(color);
        _surface.Canvas.DrawCircle(cx, cy, radius, paint);
    }

    /// <summary>Draws a circle outline.</summary>
    public void StrokeCircle(float cx, float cy, float radius, float thickness, SKColor color)
    {
        using var paint = Stroke(color, thickness);
        _surface.Canvas.DrawCircle(cx, cy, radius, paint);
    }

    /// <summary>Fills a closed polygon.</summary>
    public void FillPolygon(IReadOnlyList<SKPoint> points, SKColor color)
    {
        using var builder = new SKPathBuilder();
        builder.MoveTo(points[0]);
        for (int i = 1; i < points.Count; i++)
        {
            builder.LineTo(points[i]);
        }

        builder.Close();
        using var path = builder.Detach();
        using var paint = Fill(color);
        _surface.Canvas.DrawPath(path, paint);
    }

    /// <summary>Fills a pie slice of the circle at (<paramref name="cx"/>, <paramref name="cy"/>), angles in degrees clockwise from 3 o'clock.</summary>
    public void FillWedge(float cx, float cy, float radius, float startDegrees, float sweepDegrees, SKColor color)
    {
        using var builder = new SKPathBuilder();
        builder.MoveTo(cx, cy);
        builder.ArcTo(new SKRect(cx - radius, cy - radius, cx + radius, cy + radius), startDegrees, sweepDegrees, false);
        builder.Close();
        using var path = builder.Detach();
        using var paint = Fill(color);
        _surface.Canvas.DrawPath(path, paint);
    }

    /// <summary>Draws one line of text with the embedded font; <paramref name="y"/> is the baseline.</summary>
    public void Text(string text, float x, float y, float size, SKColor color, SKTextAlign align = SKTextAlign.Left)
    {
        using var font = EmbeddedFont.Create(size);
        using var paint = Fill(color);
        _surface.Canvas.DrawText(text, x, y, align, font, paint);
    }

    /// <summary>Encodes the canvas as PNG (no text chunks, no timestamps: the bytes depend only on the pixels).</summary>
    public byte[] ToPng()
    {
        using var image = _surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Png, 100)
            ?? throw new InvalidOperationException("SkiaSharp could not encode the image as PNG.");
        return data.ToArray();
    }

    /// <inheritdoc />
    public void Dispose() => _surface.Dispose();

    private static SKPaint Fill(SKColor color) => new() { Color = color, IsAntialias = false, Style = SKPaintStyle.Fill };

    private static SKPaint Stroke(SKColor color, float thickness) =>
        new() { Color = color, IsAntialias = false, Style = SKPaintStyle.Stroke, StrokeWidth = thickness, StrokeCap = SKStrokeCap.Butt };
}
