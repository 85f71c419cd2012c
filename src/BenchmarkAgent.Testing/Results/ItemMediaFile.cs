using BenchmarkAgent.Media;

namespace BenchmarkAgent.Testing.Results;

/// <summary>One media file of an item as the reports name it (report.json, and the thumbnails and players of report.html).</summary>
/// <param name="Kind"><c>image</c> or <c>audio</c>.</param>
/// <param name="MediaType">The recorded media type, e.g. <c>image/png</c> (untrusted snapshot text: encoded when shown).</param>
/// <param name="Path">The recorded path under the benchmark folder, e.g. <c>media/3fa2c1d09b7e4a61.png</c> (untrusted: encoded when shown, verified before it is read).</param>
/// <param name="Sha256">The recorded SHA-256.</param>
/// <param name="Length">The recorded size in bytes.</param>
internal sealed record ItemMediaFile(string Kind, string MediaType, string Path, string Sha256, long Length)
{
    /// <summary>The report's view of a snapshot's media reference.</summary>
    public static ItemMediaFile From(MediaReference reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        return new ItemMediaFile(reference.Kind == MediaKind.Image ? "image" : "audio", reference.MediaType, reference.Path, reference.Sha256, reference.Length);
    }

    /// <summary>The snapshot's media reference this file names (to read it back through <see cref="MediaStore.ReadVerified"/>).</summary>
    public MediaReference ToReference() =>
        new(Kind == "image" ? MediaKind.Image : MediaKind.Audio, MediaType, Path, Sha256, Length);
}
