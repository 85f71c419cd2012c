namespace BenchmarkAgent.Media;

/// <summary>
/// Tells a media file's type from its first bytes (its magic number), never from its name: a text file named
/// <c>.png</c> is no image. Pure.
/// </summary>
internal static class MediaSniffer
{
    /// <summary>How many leading bytes <see cref="TryDetect"/> looks at, at most.</summary>
    public const int HeaderBytes = 16;

    /// <summary>The media type (one of <see cref="MediaTypes.All"/>) the bytes start like, or false for anything else.</summary>
    public static bool TryDetect(ReadOnlySpan<byte> header, out string mediaType)
    {
        mediaType = header switch
        {
            [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, ..] => MediaTypes.Png,
            [0xFF, 0xD8, 0xFF, ..] => MediaTypes.Jpeg,
            [(byte)'G', (byte)'I', (byte)'F', (byte)'8', (byte)'7' or (byte)'9', (byte)'a', ..] => MediaTypes.Gif,
            [(byte)'R', (byte)'I', (byte)'F', (byte)'F', _, _, _, _, (byte)'W', (byte)'E', (byte)'B', (byte)'P', ..] => MediaTypes.Webp,
            [(byte)'R', (byte)'I', (byte)'F', (byte)'F', _, _, _, _, (byte)'W', (byte)'A', (byte)'V', (byte)'E', ..] => MediaTypes.Wav,
            [(byte)'I', (byte)'D', (byte)'3', ..] => MediaTypes.Mp3,
            [0xFF, var sync, ..] when (sync & 0xE0) == 0xE0 && (sync & 0x06) != 0 => MediaTypes.Mp3,
            _ => string.Empty,
        };
        return mediaType.Length > 0;
    }
}
