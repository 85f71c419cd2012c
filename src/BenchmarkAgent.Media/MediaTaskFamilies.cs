using BenchmarkAgent.Families;
using BenchmarkAgent.Media.Images;

namespace BenchmarkAgent.Media;

/// <summary>The offline image and audio families this assembly ships, in the order of <see cref="MediaFamilyCards.All"/>.</summary>
internal static class MediaTaskFamilies
{
    /// <summary>Every image family (stateless; created once).</summary>
    public static IReadOnlyList<ITaskFamily> Images { get; } =
    [
        new BarChartFamily(),
    ];

    /// <summary>Every media family that can run on this machine.</summary>
    public static IReadOnlyList<ITaskFamily> All { get; } = [.. Images];
}
