namespace BenchmarkAgent.Media;

/// <summary>What kind of non-text input an item carries. Text is the default and has no media.</summary>
internal enum MediaKind
{
    /// <summary>A still image (PNG, JPEG, WebP or GIF).</summary>
    Image,

    /// <summary>An audio clip (WAV or MP3).</summary>
    Audio,
}
