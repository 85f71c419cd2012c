using System.Globalization;
using System.Text.Json;
using BenchmarkAgent.Items;

namespace BenchmarkAgent.Snapshots;

/// <summary>Reads snapshot files back. Every problem is a <see cref="SnapshotFormatException"/> with file and line.</summary>
internal static class SnapshotReader
{
    private static readonly JsonDocumentOptions DocumentOptions = new() { AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Skip };

    /// <summary>The same rules as <see cref="DocumentOptions"/>, for the streamed items file.</summary>
    private static readonly JsonReaderOptions ReaderOptions = new() { AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Skip };

    /// <summary>Reads the fingerprint recorded in a plan file, or <see langword="null"/> when the file does not exist.</summary>
    public static string? ReadFingerprint(string planPath)
    {
        if (!File.Exists(planPath))
        {
            return null;
        }

        using var document = Parse(planPath, File.ReadAllText(planPath));
        return document.RootElement.TryGetProperty("fingerprint", out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
    }

    /// <summary>Reads every item of an items file (schema @1 or @2).</summary>
    public static IReadOnlyList<BenchmarkItem> ReadItems(string itemsPath) => ReadItemsFile(itemsPath).Items;

    /// <summary>
    /// Reads every item of an items file (schema @1 or @2) with the line each item starts on. The file is streamed
    /// (<see cref="JsonArrayFile"/>): one item at a time is parsed, never the whole text, so a 50,000-item snapshot costs
    /// its items, not the file twice over. Errors are those of reading the file whole: invalid JSON (or merge-conflict
    /// markers) anywhere first, then the schema, then the first bad item in file order.
    /// </summary>
    public static SnapshotItemsFile ReadItemsFile(string itemsPath)
    {
        try
        {
            using var stream = new FileStream(itemsPath, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
            return IsUtf16Or32(stream) ? ReadItemsAsText(itemsPath) : ReadItemsFile(itemsPath, stream);
        }
        catch (InvalidUtf8Exception)
        {
            // Bytes that are not UTF-8: decode them as reading the text whole did (invalid bytes become U+FFFD).
            return ReadItemsAsText(itemsPath);
        }
    }

    /// <summary>Reads the file as text (any encoding with a byte order mark; invalid UTF-8 replaced), then streams that text.</summary>
    private static SnapshotItemsFile ReadItemsAsText(string itemsPath)
    {
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(File.ReadAllText(itemsPath)), writable: false);
        return ReadItemsFile(itemsPath, stream);
    }

    /// <summary>Whether the stream starts with a UTF-16 or UTF-32 byte order mark; leaves it at its start.</summary>
    private static bool IsUtf16Or32(Stream stream)
    {
        Span<byte> head = stackalloc byte[2];
        int read = stream.ReadAtLeast(head, 2, throwOnEndOfStream: false);
        stream.Position = 0;
        return read == 2 && head[0] + head[1] == 0xFF + 0xFE && head[0] is 0xFF or 0xFE;
    }

    private static SnapshotItemsFile ReadItemsFile(string itemsPath, Stream stream)
    {
        var items = new List<BenchmarkItem>();
        var lines = new Dictionary<string, int>(StringComparer.Ordinal);
        var shared = new SharedValues();
        SnapshotFormatException? firstProblem = null;
        int ordinal = 0;
        JsonArrayFileSummary file;
        try
        {
            file = JsonArrayFile.Read(stream, "items", "id", ReaderOptions, (element, idLine) =>
            {
                if (firstProblem is not null)
                {
                    return; // the first bad item wins, once the rest of the file is known to be JSON
                }

                try
                {
                    var item = ReadItem(itemsPath, idLine, element, ordinal++, shared);
                    if (lines.ContainsKey(item.Id))
                    {
                        // Point at the repeated id (the second occurrence), not the first item that holds it.
                        throw new SnapshotFormatException(ErrorCodes.DuplicateItemId, itemsPath, idLine,
                            $"Duplicate item id '{item.Id}'. Ids must be unique: remove the copy, or give a hand-written item its own id.");
                    }

                    lines[item.Id] = idLine;
                    items.Add(item);
                }
                catch (SnapshotFormatException ex)
                {
                    firstProblem = ex;
                }
            });
        }
        catch (JsonException ex)
        {
            ThrowOnConflictMarkers(itemsPath);
            throw new SnapshotFormatException(itemsPath, (int)(ex.LineNumber ?? 0) + 1, "The file is not valid JSON: " + ex.Message, ex);
        }

        string schema = file.Strings.GetValueOrDefault("schema") ?? string.Empty;
        if (!SnapshotLayout.ReadableItemsSchemas.Contains(schema))
        {
            throw new SnapshotFormatException(ErrorCodes.UnknownSnapshotSchema, itemsPath, 1,
                $"Unknown schema '{schema}'; this version reads {string.Join(" and ", SnapshotLayout.ReadableItemsSchemas.Select(x => $"'{x}'"))}. Update BenchmarkAgent.Sdk, or delete the file and run 'dotnet build' to regenerate.");
        }

        if (!file.ArrayFound)
        {
            throw new SnapshotFormatException(itemsPath, 1, "The file has no 'items' array.");
        }

        if (firstProblem is not null)
        {
            throw firstProblem;
        }

        items.TrimExcess();
        return new SnapshotItemsFile(itemsPath, items, lines);
    }

    /// <summary>
    /// Reads what regeneration needs from a plan file (schema @1 or @2): fingerprint, generation, history and the
    /// quality summary. Returns <see langword="null"/> when the file does not exist.
    /// </summary>
    public static SnapshotPlanInfo? ReadPlanInfo(string planPath)
    {
        if (!File.Exists(planPath))
        {
            return null;
        }

        using var document = Parse(planPath, File.ReadAllText(planPath));
        var root = document.RootElement;
        string schema = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("schema", out var s) && s.ValueKind == JsonValueKind.String
            ? s.GetString() ?? string.Empty
            : string.Empty;
        if (!SnapshotLayout.ReadablePlanSchemas.Contains(schema))
        {
            throw new SnapshotFormatException(ErrorCodes.UnknownSnapshotSchema, planPath, 1,
                $"Unknown schema '{schema}'; this version reads {string.Join(" and ", SnapshotLayout.ReadablePlanSchemas.Select(x => $"'{x}'"))}. Update BenchmarkAgent.Sdk, or delete the file and run 'dotnet build' to regenerate.");
        }

        string? fingerprint = root.TryGetProperty("fingerprint", out var f) && f.ValueKind == JsonValueKind.String ? f.GetString() : null;
        int generation = root.TryGetProperty("generation", out var g) && g.ValueKind == JsonValueKind.Number ? g.GetInt32() : 0;
        var history = new List<GenerationRecord>();
        if (root.TryGetProperty("history", out var h) && h.ValueKind == JsonValueKind.Array)
        {
            foreach (var entry in h.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Object))
            {
                history.Add(new GenerationRecord(
                    Int(entry, "generation"),
                    entry.TryGetProperty("seed", out var seed) && seed.ValueKind == JsonValueKind.String ? seed.GetString()! : string.Empty,
                    entry.TryGetProperty("fraction", out var fraction) && fraction.ValueKind == JsonValueKind.Number ? fraction.GetDouble() : 0,
                    Int(entry, "rotated"),
                    Int(entry, "kept"),
                    Int(entry, "edited"),
                    Int(entry, "excluded")));
            }
        }

        var quality = new Dictionary<string, SubtaskReport>(StringComparer.Ordinal);
        var recorded = new List<RecordedSubtask>();
        if (root.TryGetProperty("subtasks", out var subtasks) && subtasks.ValueKind == JsonValueKind.Array)
        {
            foreach (var subtask in subtasks.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Object))
            {
                if (subtask.TryGetProperty("name", out var recordedName) && recordedName.ValueKind == JsonValueKind.String &&
                    subtask.TryGetProperty("source", out var source) && source.ValueKind == JsonValueKind.String)
                {
                    recorded.Add(new RecordedSubtask(recordedName.GetString()!, ItemSource.Parse(source.GetString()!), Int(subtask, "quota")));
                }

                if (subtask.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String &&
                    subtask.TryGetProperty("quality", out var q) && q.ValueKind == JsonValueKind.Object)
                {
                    var byCheck = new SortedDictionary<string, int>(StringComparer.Ordinal);
                    if (q.TryGetProperty("rejectionsByCheck", out var checks) && checks.ValueKind == JsonValueKind.Object)
                    {
                        foreach (var check in checks.EnumerateObject().Where(c => c.Value.ValueKind == JsonValueKind.Number && c.Value.TryGetInt32(out _)))
                        {
                            byCheck[check.Name] = check.Value.GetInt32();
                        }
                    }

                    quality[name.GetString()!] = new SubtaskReport(name.GetString()!, Int(q, "accepted"), Int(q, "rejected"), byCheck);
                }
            }
        }

        return new SnapshotPlanInfo(fingerprint, generation, history) { Quality = quality, Subtasks = recorded };
    }

    private static int Int(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out int n) ? n : 0;

    private static BenchmarkItem ReadItem(string path, int line, JsonElement element, int ordinal, SharedValues shared)
    {
        string id = RequiredString(path, line, element, "id", $"item #{ordinal + 1}");
        string where = $"item '{id}'";
        string subtask = shared.Text(RequiredString(path, line, element, "subtask", where));
        if (!SnapshotNames.TryParseDifficulty(RequiredString(path, line, element, "difficulty", where), out var difficulty) || difficulty is null)
        {
            throw new SnapshotFormatException(path, line, $"{where} has an unknown difficulty (use easy, medium or hard).");
        }

        string prompt = ReadText(path, line, element, "prompt", where);
        var choices = element.TryGetProperty("choices", out var c) && c.ValueKind == JsonValueKind.Array
            ? c.EnumerateArray().Select(x => x.GetString() ?? string.Empty).ToList()
            : [];
        if (!element.TryGetProperty("answer", out var answerElement) || answerElement.ValueKind != JsonValueKind.Object)
        {
            throw new SnapshotFormatException(path, line, $"{where} has no 'answer' object.");
        }

        if (!SnapshotNames.TryParseAnswerType(RequiredString(path, line, answerElement, "type", where), out var type))
        {
            throw new SnapshotFormatException(path, line, $"{where} has an unknown answer type (use number, choice, text, constraint, pattern or freetext).");
        }

        string value = RequiredString(path, line, answerElement, "value", where);
        double tolerance = answerElement.TryGetProperty("tolerance", out var t) && t.ValueKind == JsonValueKind.Number ? t.GetDouble() : 0;
        if (type == AnswerType.Number && !decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out _))
        {
            throw new SnapshotFormatException(path, line, $"{where} has the numeric answer '{value}', which is not a number.");
        }

        if (type == AnswerType.Constraint && !Constraints.ConstraintSpec.TryParse(value, out _, out string specError))
        {
            throw new SnapshotFormatException(path, line, $"{where} has an invalid constraint spec: {specError}.");
        }

        if (type == AnswerType.Pattern && !IsValidPattern(value))
        {
            throw new SnapshotFormatException(path, line, $"{where} has the pattern answer '{value}', which is not a valid .NET regular expression.");
        }

        var provenance = element.TryGetProperty("provenance", out var p) && p.ValueKind == JsonValueKind.Object
            ? new ItemProvenance(
                shared.Source(p.TryGetProperty("source", out var src) ? src.GetString() ?? string.Empty : string.Empty),
                shared.Text(p.TryGetProperty("seed", out var seed) ? seed.GetString() ?? string.Empty : string.Empty),
                p.TryGetProperty("index", out var index) && index.ValueKind == JsonValueKind.Number ? index.GetInt32() : 0,
                p.TryGetProperty("attempt", out var attempt) && attempt.ValueKind == JsonValueKind.Number ? attempt.GetInt32() : 0,
                p.TryGetProperty("transformations", out var tr) && tr.ValueKind == JsonValueKind.Array ? tr.EnumerateArray().Select(x => shared.Text(x.GetString() ?? string.Empty)).ToList() : [],
                p.TryGetProperty("checks", out var checks) ? shared.Checks(checks.GetString() ?? string.Empty) : [])
            : new ItemProvenance(ItemSource.Manual, string.Empty, 0, 0, [], []);
        int generation = 0;
        string? contentHash = null;
        if (p.ValueKind == JsonValueKind.Object)
        {
            provenance = provenance with
            {
                RecordHash = p.TryGetProperty("recordHash", out var record) && record.ValueKind == JsonValueKind.String ? record.GetString() : null,
            };
            generation = p.TryGetProperty("generation", out var gen) && gen.ValueKind == JsonValueKind.Number && gen.TryGetInt32(out int n) && n >= 0
                ? n
                : 0;
            contentHash = p.TryGetProperty("contentHash", out var hash) && hash.ValueKind == JsonValueKind.String ? hash.GetString() : null;
        }

        var curation = new ItemCuration(
            generation,
            contentHash,
            Flag(path, line, element, "edited", where),
            Flag(path, line, element, "excluded", where),
            element.TryGetProperty("reason", out var reason) && reason.ValueKind == JsonValueKind.String ? reason.GetString() : null);
        string? context = element.TryGetProperty("context", out _) ? ReadText(path, line, element, "context", where) : null;
        return new BenchmarkItem(id, subtask, difficulty.Value, prompt, choices, new ExpectedAnswer(type, value, tolerance), provenance)
        {
            Curation = curation,
            Context = context,
            Quality = ReadQuality(path, line, element, where),
            Media = ReadMedia(path, line, element, where),
        };
    }

    /// <summary>
    /// Reads an item's optional <c>media</c> array. Every entry needs a known kind and type that agree, a safe path under
    /// <c>media/</c> (<see cref="Media.MediaPaths.IsSafe"/>), a 64-digit lowercase hex <c>sha256</c> and a non-negative
    /// <c>bytes</c>; a path that could leave the folder is <see cref="ErrorCodes.MediaPathUnsafe"/>, any other fault
    /// <see cref="ErrorCodes.MalformedSnapshot"/>. The files themselves are checked where they are read.
    /// </summary>
    private static IReadOnlyList<Media.MediaReference> ReadMedia(string path, int line, JsonElement element, string where)
    {
        if (!element.TryGetProperty("media", out var media))
        {
            return [];
        }

        if (media.ValueKind != JsonValueKind.Array)
        {
            throw new SnapshotFormatException(path, line, $"{where}: 'media' must be an array of files.");
        }

        var files = new List<Media.MediaReference>();
        foreach (var file in media.EnumerateArray())
        {
            string Text(string property) =>
                file.ValueKind == JsonValueKind.Object && file.TryGetProperty(property, out var v) && v.ValueKind == JsonValueKind.String
                    ? v.GetString()!
                    : throw new SnapshotFormatException(path, line, $"{where}: every 'media' entry needs a string '{property}'.");

            string kindText = Text("kind");
            Media.MediaKind kind = kindText switch
            {
                "image" => Media.MediaKind.Image,
                "audio" => Media.MediaKind.Audio,
                _ => throw new SnapshotFormatException(path, line, $"{where}: media kind '{Items.RecordIds.Normalise(kindText)}' is unknown (use image or audio)."),
            };
            string type = Text("type");
            if (!Media.MediaTypes.TryGetKind(type, out var typeKind) || typeKind != kind)
            {
                throw new SnapshotFormatException(path, line, $"{where}: media type '{Items.RecordIds.Normalise(type)}' is not a supported {kindText} type (use one of {string.Join(", ", Media.MediaTypes.All)}).");
            }

            string filePath = Text("path");
            if (!Media.MediaPaths.IsSafe(filePath))
            {
                throw new SnapshotFormatException(ErrorCodes.MediaPathUnsafe, path, line, $"{where}: media path '{Items.RecordIds.Normalise(filePath)}' is not a plain file name under media/ (lowercase letters, digits, '-', '_', '.'); it could leave the benchmark folder. Restore the file from version control or regenerate the benchmark.");
            }

            string sha = Text("sha256");
            if (sha.Length != 64 || !sha.All(c => c is (>= '0' and <= '9') or (>= 'a' and <= 'f')))
            {
                throw new SnapshotFormatException(path, line, $"{where}: media 'sha256' must be 64 lowercase hex digits.");
            }

            if (!file.TryGetProperty("bytes", out var bytes) || bytes.ValueKind != JsonValueKind.Number || !bytes.TryGetInt64(out long length) || length < 0)
            {
                throw new SnapshotFormatException(path, line, $"{where}: every 'media' entry needs a non-negative whole 'bytes'.");
            }

            files.Add(new Media.MediaReference(kind, type, filePath, sha, length));
        }

        return files;
    }

    /// <summary>Reads an item's optional <c>quality</c> object: per criterion a <c>score</c> from 1 to 5 and a <c>reason</c>.</summary>
    private static ItemQuality? ReadQuality(string path, int line, JsonElement element, string where)
    {
        if (!element.TryGetProperty("quality", out var quality))
        {
            return null;
        }

        if (quality.ValueKind != JsonValueKind.Object)
        {
            throw new SnapshotFormatException(path, line, $"{where}: 'quality' must be an object of ratings.");
        }

        var ratings = new List<QualityRating>();
        foreach (var rating in quality.EnumerateObject())
        {
            if (rating.Value.ValueKind != JsonValueKind.Object ||
                !rating.Value.TryGetProperty("score", out var score) || score.ValueKind != JsonValueKind.Number ||
                !score.TryGetInt32(out int value) || value is < 1 or > 5)
            {
                throw new SnapshotFormatException(path, line, $"{where}: the quality rating '{rating.Name}' needs a 'score' from 1 to 5.");
            }

            string reason = rating.Value.TryGetProperty("reason", out var r) && r.ValueKind == JsonValueKind.String ? r.GetString()! : string.Empty;
            ratings.Add(new QualityRating(rating.Name, value, reason));
        }

        return new ItemQuality(ratings);
    }

    private static bool Flag(string path, int line, JsonElement element, string property, string where)
    {
        if (!element.TryGetProperty(property, out var value))
        {
            return false;
        }

        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw new SnapshotFormatException(path, line, $"{where}: '{property}' must be true or false."),
        };
    }

    private static string ReadText(string path, int line, JsonElement element, string property, string where)
    {
        if (!element.TryGetProperty(property, out var value))
        {
            throw new SnapshotFormatException(path, line, $"{where} has no '{property}'.");
        }

        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString()!,
            JsonValueKind.Array => string.Join("\n", value.EnumerateArray().Select(x => x.GetString() ?? string.Empty)),
            _ => throw new SnapshotFormatException(path, line, $"{where}: '{property}' must be a string or an array of lines."),
        };
    }

    /// <summary>A required non-blank string property; its absence is reported on the item's line (<paramref name="line"/>, 0 when the item has no id).</summary>
    private static string RequiredString(string path, int line, JsonElement element, string property, string where)
    {
        if (element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString()))
        {
            return value.GetString()!;
        }

        throw new SnapshotFormatException(path, line, $"{where} has no '{property}' text.");
    }

    /// <summary>
    /// Throws BA0202 at the first merge-conflict marker of a file that failed to parse (a marker line is never valid
    /// JSON, so a file that parses has none; reading the text again only on failure keeps the streamed read single-pass).
    /// </summary>
    private static void ThrowOnConflictMarkers(string path) => ThrowOnConflictMarkers(path, File.ReadAllText(path));

    private static void ThrowOnConflictMarkers(string path, string text)
    {
        if (ConflictMarkers.FirstLine(text) is int markerLine)
        {
            throw new SnapshotFormatException(ErrorCodes.SnapshotConflictMarkers, path, markerLine,
                "The file contains merge-conflict markers. Resolve the conflict (keep one side of every item), or delete the file and run 'dotnet build' to regenerate.");
        }
    }

    private static JsonDocument Parse(string path, string text)
    {
        ThrowOnConflictMarkers(path, text);

        try
        {
            return JsonDocument.Parse(text, DocumentOptions);
        }
        catch (JsonException ex)
        {
            throw new SnapshotFormatException(path, (int)(ex.LineNumber ?? 0) + 1, "The file is not valid JSON: " + ex.Message, ex);
        }
    }

    private static bool IsValidPattern(string pattern)
    {
        try
        {
            _ = new System.Text.RegularExpressions.Regex(pattern, System.Text.RegularExpressions.RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
