namespace BenchmarkAgent.Media;

/// <summary>
/// The rules for media file paths inside a benchmark folder: every file lives directly in <c>media/</c> and is named by
/// its content hash, so the same bytes always get the same name, a kept file is never rewritten, and no name from a
/// dataset or a model ever becomes a path.
/// </summary>
internal static class MediaPaths
{
    /// <summary>The folder, relative to the benchmark folder, that holds every media file.</summary>
    public const string Folder = "media";

    /// <summary>Hex digits of the SHA-256 used in a file name.</summary>
    public const int NameHexLength = 16;

    /// <summary>The path (forward slashes) of the file holding content with the given hash and type: <c>media/&lt;16 hex&gt;&lt;ext&gt;</c>.</summary>
    public static string ForContent(string sha256, string mediaType)
    {
        if (sha256 is null || sha256.Length < NameHexLength || !IsLowerHex(sha256))
        {
            throw new ArgumentException("A media hash must be lowercase hex SHA-256.", nameof(sha256));
        }

        if (!MediaTypes.TryGetExtension(mediaType, out string? extension))
        {
            throw new ArgumentException($"'{mediaType}' is not a supported media type.", nameof(mediaType));
        }

        return Folder + "/" + sha256[..NameHexLength] + extension;
    }

    /// <summary>
    /// True when <paramref name="path"/> is a well-formed media path: <c>media/</c>, then 1-100 characters of lowercase
    /// letters, digits, '-', '_' or '.', not starting with '.', with no other separator. Anything else (absolute paths,
    /// <c>..</c>, backslashes, control or bidirectional characters) could leave the folder or mislead a reader.
    /// </summary>
    public static bool IsSafe(string? path)
    {
        if (path is null || !path.StartsWith(Folder + "/", StringComparison.Ordinal))
        {
            return false;
        }

        string name = path[(Folder.Length + 1)..];
        if (name.Length is 0 or > 100 || name[0] == '.')
        {
            return false;
        }

        foreach (char c in name)
        {
            if (!(c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '_' or '.'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The full path of a safe media path under <paramref name="benchmarkDirectory"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="path"/> is not <see cref="IsSafe"/>.</exception>
    public static string Resolve(string benchmarkDirectory, string path)
    {
        if (!IsSafe(path))
        {
            throw new ArgumentException("The media path is not a safe path under media/.", nameof(path));
        }

        return Path.Combine(benchmarkDirectory, Folder, path[(Folder.Length + 1)..]);
    }

    private static bool IsLowerHex(string text)
    {
        foreach (char c in text)
        {
            if (!(c is (>= '0' and <= '9') or (>= 'a' and <= 'f')))
            {
                return false;
            }
        }

        return true;
    }
}
