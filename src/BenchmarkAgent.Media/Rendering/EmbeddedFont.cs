using System.Reflection;
using SkiaSharp;

namespace BenchmarkAgent.Media.Rendering;

/// <summary>
/// The one font every image is drawn with: DejaVu Sans Mono, embedded in this assembly (licence in
/// <c>LICENSE-DejaVu.txt</c>) and loaded with <c>SKTypeface.FromStream</c>. No system font is ever
/// looked up and no fallback font is used, so the same spec gives the same pixels on every machine.
/// </summary>
internal static class EmbeddedFont
{
    /// <summary>The logical name of the embedded font resource.</summary>
    public const string ResourceName = "Fonts/DejaVuSansMono.ttf";

    private static readonly Lazy<SKTypeface> Loaded = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The typeface, loaded once per process (immutable after loading).</summary>
    public static SKTypeface Typeface => Loaded.Value;

    /// <summary>A font of <paramref name="size"/> pixels with aliased edges and no hinting differences between machines.</summary>
    public static SKFont Create(float size) => new(Typeface, size)
    {
        Edging = SKFontEdging.Alias,
        Hinting = SKFontHinting.None,
        Subpixel = false,
        LinearMetrics = true,
    };

    private static SKTypeface Load()
    {
        using var stream = typeof(EmbeddedFont).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded font '{ResourceName}' is missing from {typeof(EmbeddedFont).Assembly.GetName().Name}; the package is damaged.");
        return SKTypeface.FromStream(stream)
            ?? throw new InvalidOperationException($"The embedded font '{ResourceName}' cannot be read by SkiaSharp.");
    }
}
