using BenchmarkAgent.Families;
using BenchmarkAgent.Media.Audio;
using BenchmarkAgent.Media.Images;

namespace BenchmarkAgent.Media;

/// <summary>The media families one generator run can use, and the warnings about those it cannot.</summary>
/// <param name="Families">The families, in the order of <see cref="MediaFamilyCards.All"/>.</param>
/// <param name="Warnings">One (code, text) per family left out, e.g. BA0600 when espeak-ng is missing.</param>
internal sealed record MediaFamilySet(IReadOnlyList<ITaskFamily> Families, IReadOnlyList<(string Code, string Text)> Warnings);

/// <summary>The offline image and audio families this assembly ships.</summary>
internal static class MediaTaskFamilies
{
    /// <summary>The families that need nothing but this assembly (stateless; created once).</summary>
    public static IReadOnlyList<ITaskFamily> Offline { get; } =
    [
        new BarChartFamily(),
        new LineChartFamily(),
        new PieChartFamily(),
        new TableImageFamily(),
        new ShapeCountingFamily(),
        new ClockFaceFamily(),
        new MazePathFamily(),
        new BeepCountingFamily(),
        new ToneComparisonFamily(),
        new DtmfFamily(),
    ];

    /// <summary>
    /// Every family this machine can generate: <see cref="Offline"/>, plus the spoken-digits family when espeak-ng is on
    /// <paramref name="pathVariable"/> (the <c>PATH</c> value); otherwise a BA0600 warning says it is not offered.
    /// </summary>
    public static MediaFamilySet Create(string? pathVariable)
    {
        string? espeak = SpeechSynthesizer.Locate(pathVariable);
        if (espeak is null)
        {
            return new MediaFamilySet(Offline, [(ErrorCodes.SpeechSynthesizerMissing, $"The '{MediaFamilyCards.Spoken.Id}' family is not offered: {SpeechSynthesizer.ProgramName} is not on the PATH. Install it (Debian/Ubuntu: apt-get install espeak-ng) to plan spoken-audio items.")]);
        }

        return new MediaFamilySet([.. Offline, new SpokenDigitsFamily(espeak)], []);
    }
}
