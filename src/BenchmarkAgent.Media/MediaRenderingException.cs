namespace BenchmarkAgent.Media;

/// <summary>
/// A media family could not render or check an item because a tool it needs failed: espeak-ng exited with an error or
/// wrote no WAV, or SkiaSharp could not be loaded. The generator program reports it as BA0601.
/// </summary>
internal sealed class MediaRenderingException : Exception
{
    /// <summary>Creates the exception.</summary>
    public MediaRenderingException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    public MediaRenderingException(string message, Exception inner)
        : base(message, inner)
    {
    }

    /// <summary>Creates the exception with no message (for serializers).</summary>
    public MediaRenderingException()
    {
    }

    /// <summary>True for the exceptions that mean a native media library is missing or broken (not a bug in our code).</summary>
    public static bool IsNativeLoadFailure(Exception exception) =>
        exception is DllNotFoundException or EntryPointNotFoundException or BadImageFormatException
        || (exception is TypeInitializationException t && t.TypeName?.StartsWith("SkiaSharp", StringComparison.Ordinal) == true);
}
