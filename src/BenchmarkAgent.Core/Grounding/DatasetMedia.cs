using System.Text.Json;
using BenchmarkAgent.Items;
using BenchmarkAgent.Media;

namespace BenchmarkAgent.Grounding;

/// <summary>
/// The images and audio clips dataset records point to. A record's media path (in a field such as <c>image</c>,
/// <c>image_path</c>, <c>img</c>, <c>audio</c>, <c>audio_path</c> or <c>file</c>, also nested as in General-Bench's
/// <c>input.image_file</c>, or a list of them) is untrusted text: it is resolved relative to the dataset file's folder,
/// and refused when it is absolute, a URL, leaves the folder (<c>..</c> or a link out of it), is not a regular file,
/// is over the per-file budget (checked before reading), or is not PNG, JPEG, GIF, WebP, WAV or MP3 by its bytes.
/// A refused record is left out with a counted warning when other records of the dataset are fine; when none is, the
/// first problem is the error.
/// </summary>
internal static class DatasetMedia
{
    /// <summary>Field names (the last part of a dotted path, case-insensitive) whose value is always a media path.</summary>
    public static IReadOnlyList<string> MediaFieldNames { get; } =
    [
        "image", "images", "image_path", "image_paths", "imagepath", "image_file", "image_files", "image_name", "imagename", "img", "img_path", "img_file",
        "picture", "photo", "screenshot",
        "audio", "audios", "audio_path", "audio_paths", "audiopath", "audio_file", "audio_files", "audio_name", "wav", "wav_path", "sound", "speech_path",
    ];

    /// <summary>Generic field names that hold a media path only when the value ends in a media file extension.</summary>
    public static IReadOnlyList<string> GenericFieldNames { get; } = ["file", "files", "file_name", "filename", "file_path", "filepath", "path", "media", "media_path"];

    /// <summary>
    /// Reads the media of every record under <paramref name="folder"/>: records with media get their <see cref="DatasetRecord.Media"/>,
    /// records whose media are refused are left out and reported.
    /// </summary>
    /// <param name="file">The dataset file (for messages).</param>
    /// <param name="folder">The folder media paths are relative to (the dataset file's folder, or the General-Bench folder).</param>
    /// <param name="records">The records as read.</param>
    /// <param name="budget">The per-file media budget.</param>
    /// <returns>The records to use, the problems of those left out, and the media kinds the records have.</returns>
    /// <exception cref="DatasetFormatException">Every record that names media is refused (the first problem's code).</exception>
    public static (List<DatasetRecord> Records, List<DatasetMediaProblem> Problems, List<MediaKind> Kinds) Attach(
        string file, string folder, IReadOnlyList<DatasetRecord> records, MediaBudget budget)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(budget);
        var kept = new List<DatasetRecord>(records.Count);
        var problems = new List<DatasetMediaProblem>();
        var kinds = new SortedSet<MediaKind>();
        int withMedia = 0;
        string root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder));
        foreach (var record in records)
        {
            var paths = MediaPaths(record);
            if (paths.Count == 0)
            {
                kept.Add(record);
                continue;
            }

            string id = RecordIds.Normalise(record.Id);
            var contents = new List<MediaContent>(paths.Count);
            DatasetMediaProblem? problem = null;
            foreach (string raw in paths)
            {
                var (content, failure) = Load(root, raw, id, budget);
                if (failure is not null)
                {
                    problem = failure;
                    break;
                }

                contents.Add(content! with { Origin = $"dataset:{Path.GetFileName(file)}#{id}" });
            }

            if (problem is not null)
            {
                problems.Add(problem);
                continue;
            }

            withMedia++;
            foreach (var content in contents)
            {
                kinds.Add(content.Kind);
            }

            kept.Add(record with { Media = contents });
        }

        if (problems.Count > 0 && withMedia == 0)
        {
            var first = problems[0];
            throw new DatasetFormatException(first.Code, file, 0, $"{first.Message} No record's media could be used ({problems.Count} refused), so the dataset cannot be read.");
        }

        return (kept, problems, [.. kinds]);
    }

    /// <summary>The media paths a record names, in field order: values of media fields, and of generic fields that end in a media extension.</summary>
    internal static List<string> MediaPaths(DatasetRecord record)
    {
        var paths = new List<string>();
        foreach (var (name, value) in record.Fields)
        {
            string leaf = name[(name.LastIndexOf('.') + 1)..].ToLowerInvariant();
            bool media = MediaFieldNames.Contains(leaf);
            bool generic = !media && GenericFieldNames.Contains(leaf);
            if (!media && !generic)
            {
                continue;
            }

            foreach (string path in Values(value))
            {
                if (media ? LooksLikePath(path) : MediaTypes.TryFromExtension(Path.GetExtension(path), out _))
                {
                    paths.Add(path);
                }
            }
        }

        return paths;
    }

    /// <summary>
    /// True when a media field's value is meant as a file path (a separator, or a short file extension, on one line):
    /// a caption in a field called <c>image</c> is text, not a path. The extension only routes the value here; the type is sniffed.
    /// </summary>
    private static bool LooksLikePath(string value)
    {
        if (value.Contains('\n') || value.Length > 1024)
        {
            return false;
        }

        if (value.Contains('/') || value.Contains('\\'))
        {
            return true;
        }

        string extension = Path.GetExtension(value);
        return extension.Length is >= 3 and <= 6 && extension.Skip(1).All(char.IsAsciiLetterOrDigit) && !value.Contains(' ', StringComparison.Ordinal) || MediaTypes.TryFromExtension(extension, out _);
    }

    /// <summary>A field's value as paths: one string, or the strings of a JSON list; blanks dropped.</summary>
    private static IEnumerable<string> Values(string value)
    {
        string text = value.Trim();
        if (text.StartsWith('[') && text.EndsWith(']'))
        {
            string[]? items = null;
            try
            {
                items = JsonSerializer.Deserialize<string[]>(text);
            }
            catch (JsonException)
            {
                // Not a list of strings: treat the text as one (refused) path.
            }

            if (items is not null)
            {
                return items.Where(i => !string.IsNullOrWhiteSpace(i)).Select(i => i.Trim());
            }
        }

        return text.Length == 0 ? [] : [text];
    }

    /// <summary>Loads one media path of a record, or says why it is refused.</summary>
    private static (MediaContent? Content, DatasetMediaProblem? Problem) Load(string root, string raw, string id, MediaBudget budget)
    {
        string shown = RecordIds.Normalise(raw.Length > 120 ? raw[..120] : raw);
        DatasetMediaProblem Fail(string code, string why) => new(code, id, $"record '{id}': media path '{shown}' {why}");

        if (raw.Any(char.IsControl) || raw.Contains("://", StringComparison.Ordinal) || raw.StartsWith("data:", StringComparison.OrdinalIgnoreCase))
        {
            return (null, Fail(ErrorCodes.DatasetMediaPathUnsafe, "is not a relative file path (URLs and control characters are refused); use a path relative to the dataset file's folder."));
        }

        string relative = raw.Replace('\\', '/');
        if (Path.IsPathRooted(raw) || relative.StartsWith('/') || (relative.Length >= 2 && relative[1] == ':'))
        {
            return (null, Fail(ErrorCodes.DatasetMediaPathUnsafe, "is absolute; media paths must be relative to the dataset file's folder and stay inside it."));
        }

        var segments = relative.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length == 0 || segments.Any(s => s == ".."))
        {
            return (null, Fail(ErrorCodes.DatasetMediaPathUnsafe, "leaves the dataset's folder ('..'); media files must be inside the folder of the dataset file."));
        }

        // Walk the path one part at a time: no part may be a link that leads out of the folder.
        string current = root;
        foreach (string segment in segments.Where(s => s != "."))
        {
            current = Path.Combine(current, segment);
            var info = new FileInfo(current);
            if (info.LinkTarget is not null)
            {
                var target = info.ResolveLinkTarget(returnFinalTarget: true);
                if (target is null || !Inside(root, target.FullName))
                {
                    return (null, Fail(ErrorCodes.DatasetMediaPathUnsafe, "goes through a link that leads out of the dataset's folder; copy the file into the folder instead."));
                }
            }
        }

        string full = Path.GetFullPath(current);
        if (!Inside(root, full))
        {
            return (null, Fail(ErrorCodes.DatasetMediaPathUnsafe, "leaves the dataset's folder; media files must be inside the folder of the dataset file."));
        }

        if (Directory.Exists(full))
        {
            return (null, Fail(ErrorCodes.DatasetMediaPathUnsafe, "is a folder, not a file; name one image or audio file."));
        }

        var file = new FileInfo(full);
        if (!file.Exists)
        {
            return (null, Fail(ErrorCodes.DatasetMediaMissing, "names no file; fix the path (relative to the dataset file's folder) or add the file."));
        }

        if (file.LinkTarget is not null)
        {
            file = new FileInfo(file.ResolveLinkTarget(returnFinalTarget: true)!.FullName);
        }

        if (file.Length == 0 || (file.Attributes & FileAttributes.Device) != 0)
        {
            // A pipe, socket or device reports no length: it is never opened (opening a pipe would block).
            return (null, Fail(ErrorCodes.DatasetMediaPathUnsafe, "is empty or not a regular file (a pipe, socket or device is never opened); name a regular image or audio file."));
        }

        if (file.Length > budget.MaxFileBytes)
        {
            return (null, Fail(ErrorCodes.DatasetMediaTooLarge, $"has {file.Length} bytes, over the per-file media budget of {budget.MaxFileBytes} bytes (BenchmarkAgentMaxMediaFileBytes); shrink the file or raise the budget."));
        }

        byte[] bytes;
        try
        {
            bytes = ReadBounded(file.FullName, file.Length);
        }
        catch (IOException)
        {
            return (null, Fail(ErrorCodes.DatasetMediaPathUnsafe, "could not be read as a regular file (it changed while being read, or it is not a regular file)."));
        }
        catch (UnauthorizedAccessException)
        {
            return (null, Fail(ErrorCodes.DatasetMediaPathUnsafe, "cannot be read (permission denied)."));
        }

        if (!MediaSniffer.TryDetect(bytes, out string mediaType) || !MediaTypes.TryGetKind(mediaType, out var kind))
        {
            return (null, Fail(ErrorCodes.DatasetMediaUnknownType, "is not a PNG, JPEG, GIF, WebP, WAV or MP3 file by its content (the file name's extension is not trusted); convert it to one of these formats."));
        }

        return (MediaContent.Create(kind, mediaType, bytes), null);
    }

    /// <summary>Reads a file of <paramref name="reported"/> bytes, failing when more arrive (a device or a growing file).</summary>
    private static byte[] ReadBounded(string path, long reported)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        var buffer = new byte[reported];
        int total = 0;
        int read;
        while (total < buffer.Length && (read = stream.Read(buffer, total, buffer.Length - total)) > 0)
        {
            total += read;
        }

        if (total != reported || stream.ReadByte() >= 0)
        {
            throw new IOException("The file's size changed while it was read.");
        }

        return buffer;
    }

    private static bool Inside(string root, string full) =>
        Path.GetFullPath(full).StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal);
}
