using System.Text;

namespace BenchmarkAgent.Grounding;

/// <summary>
/// The one way dataset bytes are read, by the reader and by the input fingerprint alike: only regular files, never
/// more than <see cref="MaxBytes"/> (counted while streaming, not trusted from the file system), and decoded as strict
/// UTF-8 with the actual encoding named when it is something else.
/// </summary>
internal static class DatasetFile
{
    /// <summary>The largest dataset file read, in bytes.</summary>
    public const long MaxBytes = 256L * 1024 * 1024;

    private const int ChunkBytes = 64 * 1024;

    /// <summary>
    /// Reads every byte of <paramref name="path"/>. Never opens a file the file system reports as empty (a pipe or a
    /// device such as <c>/dev/zero</c> reports no length, and opening a pipe would block), stops as soon as more than
    /// <paramref name="maxBytes"/> or more than the reported length arrive (a device or a growing file).
    /// </summary>
    /// <exception cref="DatasetFormatException">BA0411 (not a regular file), BA0412 (too large) or BA0414 (empty).</exception>
    public static byte[] ReadAllBytes(string path, long maxBytes = MaxBytes)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            throw new DatasetFormatException(path, 0, "no file or folder exists at this path; check the dataset path");
        }

        if ((info.Attributes & FileAttributes.Device) != 0)
        {
            throw NotRegular(path);
        }

        long reported = info.Length;
        if (reported == 0)
        {
            throw new DatasetFormatException(
                ErrorCodes.EmptyDataset, path, 0,
                "the file has no bytes: it is empty, or it is not a regular file (a pipe, socket or device such as /dev/zero), which is never opened; register a regular file that holds records");
        }

        if (reported > maxBytes)
        {
            throw TooLarge(path, reported, maxBytes);
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        using var buffer = new MemoryStream((int)reported);
        var chunk = new byte[ChunkBytes];
        long total = 0;
        int read;
        while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            total += read;
            if (total > maxBytes)
            {
                throw TooLarge(path, total, maxBytes);
            }

            if (total > reported)
            {
                throw NotRegular(path);
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    /// <summary>
    /// Decodes <paramref name="bytes"/> as UTF-8 (a UTF-8 byte order mark is skipped). UTF-16 and UTF-32 (by byte order
    /// mark or by the zero bytes of their ASCII range) and invalid UTF-8 are BA0413, naming the encoding found.
    /// </summary>
    public static string Decode(string path, byte[] bytes) => Encoding.UTF8.GetString(Utf8Body(path, bytes).Span);

    /// <summary>The UTF-8 content of <paramref name="bytes"/> without a byte order mark; throws BA0413 for any other encoding.</summary>
    public static ReadOnlyMemory<byte> Utf8Body(string path, byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        if (ForeignEncoding(bytes) is { } name)
        {
            throw new DatasetFormatException(
                ErrorCodes.DatasetEncoding, path, 1,
                $"the file is encoded as {name}, but datasets must be UTF-8; re-save it as UTF-8 (e.g. iconv -f {IconvName(name)} -t UTF-8)");
        }

        var body = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? bytes.AsMemory(3) : bytes.AsMemory();
        try
        {
            _ = StrictUtf8.GetCharCount(body.Span);
        }
        catch (DecoderFallbackException ex)
        {
            int offset = ex.Index < 0 ? 0 : ex.Index;
            int line = 1 + body.Span[..Math.Min(offset, body.Length)].Count((byte)'\n');
            throw new DatasetFormatException(
                ErrorCodes.DatasetEncoding, path, line,
                $"the file is not valid UTF-8 (invalid byte near offset {offset}; it may be Latin-1 or Windows-1252); re-save it as UTF-8");
        }

        return body;
    }

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The name of a non-UTF-8 Unicode encoding recognised by its byte order mark or zero-byte pattern; null for none.</summary>
    internal static string? ForeignEncoding(byte[] bytes)
    {
        if (bytes.Length >= 4 && bytes[0] == 0xFF && bytes[1] == 0xFE && bytes[2] == 0 && bytes[3] == 0)
        {
            return "UTF-32 (little-endian)";
        }

        if (bytes.Length >= 4 && bytes[0] == 0 && bytes[1] == 0 && bytes[2] == 0xFE && bytes[3] == 0xFF)
        {
            return "UTF-32 (big-endian)";
        }

        if (bytes.Length >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE)
        {
            return "UTF-16 (little-endian)";
        }

        if (bytes.Length >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF)
        {
            return "UTF-16 (big-endian)";
        }

        // Without a byte order mark: ASCII text in UTF-16 has a zero byte in every other position.
        int n = Math.Min(bytes.Length, 512) & ~1;
        if (n >= 4)
        {
            int evenZeros = 0, oddZeros = 0;
            for (int i = 0; i < n; i += 2)
            {
                evenZeros += bytes[i] == 0 ? 1 : 0;
                oddZeros += bytes[i + 1] == 0 ? 1 : 0;
            }

            if (oddZeros * 4 >= n && evenZeros == 0)
            {
                return "UTF-16 (little-endian, no byte order mark)";
            }

            if (evenZeros * 4 >= n && oddZeros == 0)
            {
                return "UTF-16 (big-endian, no byte order mark)";
            }
        }

        return null;
    }

    private static string IconvName(string name) =>
        name.StartsWith("UTF-32", StringComparison.Ordinal) ? "UTF-32" : "UTF-16";

    private static DatasetFormatException NotRegular(string path) =>
        new(ErrorCodes.DatasetNotRegularFile, path, 0,
            "this is not a regular file (a pipe, socket or device such as /dev/zero); register a regular .jsonl, .json, .csv or .tsv file or a dataset folder");

    private static DatasetFormatException TooLarge(string path, long seen, long maxBytes) =>
        new(ErrorCodes.DatasetTooLarge, path, 0,
            $"the file holds at least {seen} bytes, over the {maxBytes}-byte limit; split it into several files or register a sample of it");
}
