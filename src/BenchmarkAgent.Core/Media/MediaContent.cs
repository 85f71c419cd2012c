using System.Security.Cryptography;

namespace BenchmarkAgent.Media;

/// <summary>
/// A media file held in memory: what a family renders or a dataset record points to, before the snapshot writer stores
/// it under <c>Benchmarks/&lt;name&gt;/media/</c>. Two contents are the same file when their <see cref="Sha256"/> agree
/// (record equality compares the byte buffer by reference, so compare hashes instead).
/// </summary>
/// <param name="Kind">Image or audio.</param>
/// <param name="MediaType">The IANA media type, one of <see cref="MediaTypes.All"/> (for example <c>image/png</c>).</param>
/// <param name="Bytes">The encoded file bytes.</param>
internal sealed record MediaContent(MediaKind Kind, string MediaType, ReadOnlyMemory<byte> Bytes)
{
    /// <summary>
    /// Where the bytes came from, for provenance: for example <c>dataset:charts/annotation.json#img/003.png</c> or
    /// <c>family:bar-chart-reading</c>. Untrusted text: never used as a path.
    /// </summary>
    public string? Origin { get; init; }

    /// <summary>The lowercase hex SHA-256 of <see cref="Bytes"/>.</summary>
    public string Sha256 => Convert.ToHexStringLower(SHA256.HashData(Bytes.Span));

    /// <summary>Creates a content after checking that <paramref name="mediaType"/> is a supported type of <paramref name="kind"/>.</summary>
    /// <exception cref="ArgumentException">The media type is not supported or does not belong to the kind.</exception>
    public static MediaContent Create(MediaKind kind, string mediaType, ReadOnlyMemory<byte> bytes)
    {
        if (!MediaTypes.TryGetKind(mediaType, out var actual) || actual != kind)
        {
            throw new ArgumentException($"'{mediaType}' is not a supported {kind.ToString().ToLowerInvariant()} media type (use one of {string.Join(", ", MediaTypes.All)}).", nameof(mediaType));
        }

        return new MediaContent(kind, mediaType, bytes);
    }
}
