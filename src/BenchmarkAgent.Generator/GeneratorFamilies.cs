using BenchmarkAgent.Families;
using BenchmarkAgent.GeneratorProtocol;
using BenchmarkAgent.Media;

namespace BenchmarkAgent.Generator;

/// <summary>
/// The task families the program generates with: the built-in text families, then the media families of
/// <c>BenchmarkAgent.Media</c> that this machine can run (images and synthesised audio always; spoken digits where
/// espeak-ng is installed). Rendering media needs SkiaSharp, which is why the media families live here and not in the
/// MSBuild task process (ADR 0005).
/// </summary>
internal static class GeneratorFamilies
{
    private static readonly string[] SpeechWords = ["speech", "spoken", "speak", "voice", "voices", "dictation", "transcribe", "transcription"];

    /// <summary>The built-in families followed by <paramref name="media"/>'s families.</summary>
    public static IReadOnlyList<ITaskFamily> Compose(MediaFamilySet media)
    {
        ArgumentNullException.ThrowIfNull(media);
        return [.. BuiltInTaskFamilies.All, .. media.Families];
    }

    /// <summary>
    /// The warnings of <paramref name="media"/> (e.g. BA0600, espeak-ng missing) for a request with a benchmark whose
    /// query asks for speech; a request of text or image benchmarks is not warned about a voice it never asked for.
    /// </summary>
    public static IReadOnlyList<GeneratorLine> Warnings(MediaFamilySet media, GeneratorRequest request)
    {
        ArgumentNullException.ThrowIfNull(media);
        ArgumentNullException.ThrowIfNull(request);
        var asking = request.Benchmarks.Where(b => AsksForSpeech(b.Query)).Select(b => b.Name).ToList();
        if (asking.Count == 0)
        {
            return [];
        }

        return media.Warnings.Select(w => GeneratorLine.Warning(w.Code, $"Benchmark '{string.Join("', '", asking)}': {w.Text}", request.ProjectFile)).ToList();
    }

    /// <summary>True when <paramref name="query"/> uses a word about speech.</summary>
    public static bool AsksForSpeech(string query) =>
        (query ?? string.Empty).ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.Trim('.', ',', ';', ':', '!', '?', '(', ')', '"', '\''))
            .Any(w => SpeechWords.Contains(w, StringComparer.Ordinal));
}
