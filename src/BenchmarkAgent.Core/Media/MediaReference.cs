namespace BenchmarkAgent.Media;

/// <summary>
/// A media file of an item as recorded in items.json: where it is (relative to the benchmark's folder, always under
/// <c>media/</c>), its type and its content hash. The reader rejects a path that could leave the folder; the bytes are
/// read and checked against <see cref="Sha256"/> before they are used.
/// </summary>
/// <param name="Kind">Image or audio.</param>
/// <param name="MediaType">The IANA media type, one of <see cref="MediaTypes.All"/>.</param>
/// <param name="Path">The file's path relative to the benchmark folder, e.g. <c>media/3fa2c1d09b7e4a61.png</c>; see <see cref="MediaPaths"/>.</param>
/// <param name="Sha256">The lowercase hex SHA-256 of the file's bytes (64 characters).</param>
/// <param name="Length">The file's size in bytes.</param>
internal sealed record MediaReference(MediaKind Kind, string MediaType, string Path, string Sha256, long Length)
{
    /// <summary>The reference a content gets when the snapshot stores it: a content-addressed file name under <c>media/</c>.</summary>
    public static MediaReference For(MediaContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        string sha = content.Sha256;
        return new MediaReference(content.Kind, content.MediaType, MediaPaths.ForContent(sha, content.MediaType), sha, content.Bytes.Length);
    }
}
