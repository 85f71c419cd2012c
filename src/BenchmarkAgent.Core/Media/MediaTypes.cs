using System.Diagnostics.CodeAnalysis;

namespace BenchmarkAgent.Media;

/// <summary>The media types an item may carry, their kinds and their file extensions.</summary>
internal static class MediaTypes
{
    /// <summary>PNG image.</summary>
    public const string Png = "image/png";

    /// <summary>JPEG image.</summary>
    public const string Jpeg = "image/jpeg";

    /// <summary>WebP image.</summary>
    public const string Webp = "image/webp";

    /// <summary>GIF image.</summary>
    public const string Gif = "image/gif";

    /// <summary>WAV (RIFF PCM) audio.</summary>
    public const string Wav = "audio/wav";

    /// <summary>MP3 audio.</summary>
    public const string Mp3 = "audio/mpeg";

    private static readonly (string Type, MediaKind Kind, string Extension)[] Known =
    [
        (Png, MediaKind.Image, ".png"),
        (Jpeg, MediaKind.Image, ".jpg"),
        (Webp, MediaKind.Image, ".webp"),
        (Gif, MediaKind.Image, ".gif"),
        (Wav, MediaKind.Audio, ".wav"),
        (Mp3, MediaKind.Audio, ".mp3"),
    ];

    /// <summary>Every supported media type.</summary>
    public static IReadOnlyList<string> All { get; } = Known.Select(k => k.Type).ToArray();

    /// <summary>The kind of a supported media type (compared ordinally, lowercase).</summary>
    public static bool TryGetKind(string? mediaType, out MediaKind kind)
    {
        foreach (var known in Known)
        {
            if (string.Equals(known.Type, mediaType, StringComparison.Ordinal))
            {
                kind = known.Kind;
                return true;
            }
        }

        kind = default;
        return false;
    }

    /// <summary>The file extension (with the dot) of a supported media type.</summary>
    public static bool TryGetExtension(string? mediaType, [NotNullWhen(true)] out string? extension)
    {
        foreach (var known in Known)
        {
            if (string.Equals(known.Type, mediaType, StringComparison.Ordinal))
            {
                extension = known.Extension;
                return true;
            }
        }

        extension = null;
        return false;
    }

    /// <summary>The media type of a file extension (case-insensitive, with or without the dot; <c>.jpeg</c> and <c>.wave</c> too).</summary>
    public static bool TryFromExtension(string? extension, [NotNullWhen(true)] out string? mediaType)
    {
        string ext = (extension ?? string.Empty).TrimStart('.').ToLowerInvariant();
        mediaType = ext switch
        {
            "png" => Png,
            "jpg" or "jpeg" => Jpeg,
            "webp" => Webp,
            "gif" => Gif,
            "wav" or "wave" => Wav,
            "mp3" => Mp3,
            _ => null,
        };
        return mediaType is not null;
    }
}
