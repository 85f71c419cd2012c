using BenchmarkAgent.Media;
using BenchmarkAgent.Snapshots;
using BenchmarkAgent.Testing.Results;

namespace BenchmarkAgent.Testing.Reports;

/// <summary>
/// Reads items' media files for report.html, where they are embedded as data URIs (the page makes no request). Each
/// file is read back through <see cref="MediaStore.ReadVerified"/> (a safe name under <c>media/</c>, the recorded size
/// and hash), and only within caps: a file above <see cref="MaxImageBytes"/> or <see cref="MaxAudioBytes"/>, or past
/// the page's <see cref="MaxPageBytes"/>, is shown as a placeholder with its name. One instance per page: it counts the
/// bytes embedded so far.
/// </summary>
/// <param name="benchmarkDirectory">The snapshot folder of a benchmark (the one holding <c>media/</c>), or <see langword="null"/> when unknown.</param>
internal sealed class ReportMediaFiles(Func<string, string?> benchmarkDirectory)
{
    /// <summary>The largest image embedded as a thumbnail (512 KiB).</summary>
    public const long MaxImageBytes = 512 * 1024;

    /// <summary>The largest audio clip embedded in a player (2 MiB).</summary>
    public const long MaxAudioBytes = 2 * 1024 * 1024;

    /// <summary>
    /// The most media bytes one page embeds (8 MiB, about 11 MB of base64); later files are placeholders, so a large
    /// media run still opens quickly (issue 16: a 33 MB page was slow).
    /// </summary>
    public const long MaxPageBytes = 8L * 1024 * 1024;

    private long _embedded;

    /// <summary>
    /// A copy with no bytes embedded yet (a page's renderer takes one, so two renders of the same report embed the same
    /// files).
    /// </summary>
    public ReportMediaFiles Fresh() => new(benchmarkDirectory);

    /// <summary>The file as a data URI, or why it is not embedded (a sentence for the placeholder).</summary>
    /// <param name="benchmark">The item's benchmark.</param>
    /// <param name="itemId">The item's id.</param>
    /// <param name="file">The media file.</param>
    /// <returns>The data URI and <see langword="null"/>, or <see langword="null"/> and the reason.</returns>
    public (string? DataUri, string? NotEmbedded) Embed(string benchmark, string itemId, ItemMediaFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        bool image = file.Kind == "image";
        if (!MediaTypes.TryGetKind(file.MediaType, out var kind) || kind != (image ? MediaKind.Image : MediaKind.Audio))
        {
            return (null, "not embedded: unsupported media type");
        }

        long cap = image ? MaxImageBytes : MaxAudioBytes;
        if (file.Length > cap)
        {
            return (null, $"not embedded: {Size(file.Length)} is above the {Size(cap)} cap of report.html");
        }

        if (_embedded + file.Length > MaxPageBytes)
        {
            return (null, $"not embedded: the page already holds {Size(_embedded)} of media");
        }

        if (benchmarkDirectory(benchmark) is not { } directory)
        {
            return (null, "not embedded: the benchmark's folder is unknown");
        }

        try
        {
            byte[] bytes = MediaStore.ReadVerified(directory, file.ToReference(), itemId);
            _embedded += bytes.Length;
            return ("data:" + file.MediaType + ";base64," + Convert.ToBase64String(bytes), null);
        }
        catch (Exception ex) when (ex is SnapshotFormatException or IOException or UnauthorizedAccessException)
        {
            return (null, "not embedded: " + (ex is SnapshotFormatException format ? format.Code : ex.GetType().Name) + ", the file is missing, changed or unsafe");
        }
    }

    private static string Size(long bytes) => bytes >= 1024 * 1024
        ? (bytes / (1024.0 * 1024)).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture) + " MiB"
        : (bytes / 1024.0).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture) + " KiB";
}
