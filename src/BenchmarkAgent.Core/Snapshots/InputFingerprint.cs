using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using BenchmarkAgent.Grounding;
using BenchmarkAgent.Planning;

namespace BenchmarkAgent.Snapshots;

/// <summary>
/// The fingerprint of everything that decides a benchmark's content. A snapshot whose recorded
/// fingerprint differs from the current one is stale.
/// </summary>
internal static partial class InputFingerprint
{
    /// <summary>
    /// The engine version: bumped whenever the same inputs would produce different items
    /// (a family's wording, a verifier, the planner). Bumping it makes every snapshot stale.
    /// </summary>
    public const string EngineVersion = "offline-3";

    /// <summary>
    /// Computes the fingerprint of <paramref name="request"/> as <c>sha256:&lt;hex&gt;</c>. Each registered dataset
    /// contributes the hash of its content (not its absolute path, so the fingerprint is the same on every machine);
    /// a request without datasets has the same fingerprint as before datasets existed.
    /// </summary>
    /// <param name="request">The request.</param>
    /// <param name="contentHash">Hashes one dataset's content (default: <see cref="ContentHash"/>); a seam for counting reads.</param>
    /// <param name="backbone">
    /// The identity of the backbone that generates (for the LLM backbone: its model and the hash of its prompts); null or
    /// <c>offline</c> for the offline backbone, which adds nothing, so offline snapshots keep their fingerprint bytes.
    /// </param>
    /// <exception cref="FileNotFoundException">A registered dataset path does not exist.</exception>
    public static string Compute(BenchmarkRequest request, Func<string, string>? contentHash = null, string? backbone = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        contentHash ??= ContentHash;
        string canonical = string.Join(
            "\n",
            "engine=" + EngineVersion,
            "query=" + request.Query.Trim(),
            "quota=" + request.Quota.ToString(CultureInfo.InvariantCulture),
            "seed=" + request.Seed.ToString(CultureInfo.InvariantCulture),
            "difficulty=" + SnapshotNames.Difficulty(request.Difficulty));
        foreach (string dataset in request.Datasets)
        {
            canonical += "\ndataset=" + contentHash(dataset);
        }

        if (backbone is not null && backbone != Planning.OfflinePlanner.BackboneName)
        {
            canonical += "\nbackbone=" + backbone;
        }

        return "sha256:" + StableHash.Sha256(canonical);
    }

    /// <summary>
    /// Lowercase hex SHA-256 of a dataset's content: the file's bytes, or for a folder every file under it in
    /// ordinal order of relative path, each preceded by that path, so a renamed or changed file changes the hash.
    /// </summary>
    /// <exception cref="FileNotFoundException">Nothing exists at <paramref name="path"/>.</exception>
    public static string ContentHash(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (File.Exists(path))
        {
            // The file name is part of the content: it names the dataset (and its subtask) when no card does.
            using var fileHash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            fileHash.AppendData(Encoding.UTF8.GetBytes(Path.GetFileName(Path.GetDirectoryName(Path.GetFullPath(path))) + "/" + Path.GetFileName(path) + "\n"));
            AppendContent(fileHash, path);
            string card = DatasetCardFile.PathFor(path);
            if (File.Exists(card))
            {
                // The hand-written card decides roles and matching, so it is part of the content.
                fileHash.AppendData(Encoding.UTF8.GetBytes("\ncard\n"));
                AppendContent(fileHash, card);
            }

            AppendReferencedMedia(fileHash, path);
            return Convert.ToHexStringLower(fileHash.GetHashAndReset());
        }

        if (!Directory.Exists(path))
        {
            throw new FileNotFoundException($"No dataset file or folder exists at '{path}'.", path);
        }

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes(Path.GetFileName(Path.TrimEndingDirectorySeparator(path)) + "/\n"));
        if (File.Exists(DatasetCardFile.PathFor(path)))
        {
            hash.AppendData(Encoding.UTF8.GetBytes("card\n"));
            AppendContent(hash, DatasetCardFile.PathFor(path));
        }

        var files = Directory.GetFiles(path, "*", SearchOption.AllDirectories)
            .Select(f => (Relative: Path.GetRelativePath(path, f).Replace('\\', '/'), Full: f))
            .OrderBy(f => f.Relative, StringComparer.Ordinal);
        foreach (var (relative, full) in files)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(relative + "\n"));
            AppendContent(hash, full);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>
    /// Appends the media files a dataset file names (values ending in .png, .jpg, .jpeg, .gif, .webp, .wav, .wave or .mp3
    /// that resolve inside the file's folder), each with its relative path and content, so editing a dataset's image makes
    /// the benchmark stale. Nothing is appended for a text dataset, so its fingerprint keeps its bytes. Paths that leave the
    /// folder or name no regular file contribute only their text (the reader refuses them).
    /// </summary>
    private static void AppendReferencedMedia(IncrementalHash hash, string path)
    {
        string text;
        try
        {
            text = Encoding.UTF8.GetString(DatasetFile.ReadAllBytes(path));
        }
        catch (DatasetFormatException)
        {
            return;
        }

        var names = new SortedSet<string>(StringComparer.Ordinal);
        foreach (System.Text.RegularExpressions.Match match in MediaExtensionPattern().Matches(text))
        {
            // Walk back from the extension to the start of the value (a quote, a separator or a bracket), at most 512 characters.
            int start = match.Index;
            while (start > 0 && match.Index - start < 512 && text[start - 1] is not ('"' or '\'' or ',' or '\t' or '\r' or '\n' or '[' or ']' or '{' or '}'))
            {
                start--;
            }

            string name = text[start..(match.Index + match.Length)].Trim().Replace("\\/", "/", StringComparison.Ordinal);
            if (name.Length > match.Length)
            {
                names.Add(name);
            }
        }

        if (names.Count == 0)
        {
            return;
        }

        string folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        hash.AppendData(Encoding.UTF8.GetBytes("\nmedia\n"));
        foreach (string name in names)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(name + "\n"));
            string full = Path.GetFullPath(Path.Combine(folder, name.Replace('\\', '/')));
            var info = new FileInfo(full);
            if (Path.IsPathRooted(name) || !full.StartsWith(folder + Path.DirectorySeparatorChar, StringComparison.Ordinal) || !info.Exists || info.Length == 0 || info.Length > Media.MediaBudget.MaxSetting)
            {
                continue;
            }

            AppendContent(hash, full);
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\.(?:png|jpe?g|gif|webp|wav|wave|mp3)(?![A-Za-z0-9])", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex MediaExtensionPattern();

    /// <summary>
    /// Appends a file's length and bytes, read through <see cref="DatasetFile"/> (regular files only, size limit enforced
    /// while streaming); a file that cannot be read contributes its error code instead, so the fingerprint is always
    /// computable and the planner reports the problem.
    /// </summary>
    private static void AppendContent(IncrementalHash hash, string path)
    {
        byte[] bytes;
        try
        {
            bytes = DatasetFile.ReadAllBytes(path);
        }
        catch (DatasetFormatException ex)
        {
            hash.AppendData(Encoding.UTF8.GetBytes("unreadable " + ex.Code + "\n"));
            return;
        }

        hash.AppendData(Encoding.UTF8.GetBytes(bytes.Length.ToString(CultureInfo.InvariantCulture) + "\n"));
        hash.AppendData(bytes);
    }
}
