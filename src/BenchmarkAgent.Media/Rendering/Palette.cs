using SkiaSharp;

namespace BenchmarkAgent.Media.Rendering;

/// <summary>The named, well-separated colours the image families draw with; checkers classify pixels by exact colour.</summary>
internal static class Palette
{
    /// <summary>Background.</summary>
    public static readonly SKColor White = new(255, 255, 255);

    /// <summary>Text, axes and outlines.</summary>
    public static readonly SKColor Black = new(0, 0, 0);

    /// <summary>Gridlines.</summary>
    public static readonly SKColor Grid = new(208, 208, 208);

    /// <summary>Fill colours with the name a prompt uses for them, in a fixed order.</summary>
    public static readonly IReadOnlyList<(string Name, SKColor Color)> Named =
    [
        ("red", new SKColor(220, 40, 40)),
        ("blue", new SKColor(40, 90, 220)),
        ("green", new SKColor(30, 160, 60)),
        ("orange", new SKColor(245, 150, 20)),
        ("purple", new SKColor(140, 60, 180)),
        ("teal", new SKColor(20, 160, 160)),
        ("brown", new SKColor(130, 80, 40)),
        ("pink", new SKColor(235, 110, 180)),
    ];
}
