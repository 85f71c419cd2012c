using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace BenchmarkAgent.Grounding;

/// <summary>
/// Reads datasets from <c>.jsonl</c>, <c>.json</c>, <c>.csv</c> and <c>.tsv</c> files, General-Bench folders
/// (<c>annotation.json</c> plus an optional card) and folders of split files (Hugging Face <c>datasets</c> exports).
/// Every record goes through the same role detection (<see cref="RoleDetection"/>) and normalisation
/// (<see cref="RecordNormaliser"/>), so records of any of these layouts reach the transformations in one shape.
/// The only I/O of the grounding components; record text is data only, never a path and never executed.
/// </summary>
internal static class DatasetReader
{
    /// <summary>The largest file read, in bytes.</summary>
    public const long MaxFileBytes = DatasetFile.MaxBytes;

    /// <summary>The General-Bench annotation file name.</summary>
    public const string AnnotationFileName = "annotation.json";

    /// <summary>The most wall time one record may take to read and normalise.</summary>
    public static readonly TimeSpan RecordBudget = TimeSpan.FromSeconds(2);

    /// <summary>The split a folder of split files is read from, best first.</summary>
    private static readonly string[] SplitPriority = ["test", "validation", "valid", "val", "dev", "eval", "train"];

    private static readonly string[] DataExtensions = [".jsonl", ".json", ".csv", ".tsv"];

    /// <summary>Container property names whose array holds the records of a JSON document, best first.</summary>
    private static readonly string[] ContainerNames = ["data", "examples", "records", "rows", "items", "instances", "questions", "paragraphs", "qas"];

    /// <summary>Reads the dataset at <paramref name="path"/>, choosing the format by extension (or folder layout).</summary>
    /// <exception cref="DatasetFormatException">The path is missing, of an unknown format, malformed, not UTF-8, too large, empty, or not a regular file (codes BA0401, BA0411-BA0417).</exception>
    public static Dataset Read(string path) => Read(path, RecordBudget);

    /// <summary>Reads the dataset at <paramref name="path"/> with <paramref name="recordBudget"/> as the most wall time one record may take.</summary>
    /// <exception cref="DatasetFormatException">As <see cref="Read(string)"/>; BA0416 when a record takes longer than the budget.</exception>
    internal static Dataset Read(string path, TimeSpan recordBudget) => Read(path, recordBudget, Media.MediaBudget.Default);

    /// <summary>
    /// Reads the dataset at <paramref name="path"/> with <paramref name="mediaBudget"/> for the media its records point to
    /// (see <see cref="DatasetMedia"/>): records with refused media are left out and listed in <see cref="Dataset.MediaProblems"/>.
    /// </summary>
    /// <exception cref="DatasetFormatException">As <see cref="Read(string)"/>; BA0420-BA0423 when every record's media is refused.</exception>
    public static Dataset Read(string path, Media.MediaBudget mediaBudget) => Read(path, RecordBudget, mediaBudget);

    private static Dataset Read(string path, TimeSpan recordBudget, Media.MediaBudget mediaBudget)
    {
        var dataset = ReadText(path, recordBudget);
        string folder = Directory.Exists(path) ? path : Path.GetDirectoryName(Path.GetFullPath(path))!;
        string file = Directory.Exists(path) && File.Exists(Path.Combine(path, AnnotationFileName)) ? Path.Combine(path, AnnotationFileName) : path;
        var (records, problems, kinds) = DatasetMedia.Attach(file, folder, dataset.Records, mediaBudget);
        if (kinds.Count == 0 && problems.Count == 0)
        {
            return dataset;
        }

        var names = kinds.Select(k => k == Media.MediaKind.Image ? "image" : "audio").ToList();
        var card = dataset.Card with
        {
            MediaKinds = kinds,
            Modalities = dataset.Card.Modalities.Concat(names).Distinct(StringComparer.OrdinalIgnoreCase).ToList(),
            Size = records.Count,
        };
        return dataset with { Card = card, Records = records, MediaProblems = problems };
    }

    private static Dataset ReadText(string path, TimeSpan recordBudget)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (Directory.Exists(path))
        {
            return File.Exists(Path.Combine(path, AnnotationFileName)) ? ReadGeneralBench(path, recordBudget) : ReadSplitFolder(path, recordBudget);
        }

        if (!File.Exists(path))
        {
            throw new DatasetFormatException(path, 0, "no file or folder exists at this path; check the dataset path");
        }

        var cardFile = DatasetCardFile.ReadFor(path);
        var (records, roles, hash) = ReadFile(path, cardFile?.Roles, recordBudget);
        var card = CardInference.Infer(path, records, roles);
        return new Dataset(cardFile is null ? card : cardFile.ApplyTo(card), records, path, hash);
    }

    /// <summary>
    /// Reads the dataset at <paramref name="path"/> and describes it with <paramref name="card"/> instead of the
    /// card found in a General-Bench folder or built from the data.
    /// </summary>
    /// <exception cref="DatasetFormatException">The dataset cannot be read.</exception>
    public static Dataset Read(string path, DatasetCard card)
    {
        ArgumentNullException.ThrowIfNull(card);
        var dataset = Read(path);
        return dataset with { Card = card with { Roles = dataset.Card.Roles, Size = dataset.Card.Size, AnswerForm = dataset.Card.AnswerForm, MediaKinds = dataset.Card.MediaKinds } };
    }

    private static (List<DatasetRecord> Records, IReadOnlyDictionary<string, string> Roles, string Hash) ReadFile(string path, IReadOnlyDictionary<string, string>? overrides, TimeSpan budget)
    {
        string extension = Path.GetExtension(path).ToLowerInvariant();
        if (!DataExtensions.Contains(extension))
        {
            throw new DatasetFormatException(path, 0, $"unknown dataset format '{extension}'; use .jsonl, .json, .csv, .tsv or a General-Bench folder with {AnnotationFileName}");
        }

        byte[] bytes = DatasetFile.ReadAllBytes(path);
        var body = DatasetFile.Utf8Body(path, bytes);
        var raw = extension switch
        {
            ".jsonl" => JsonLines(path, body),
            ".json" => JsonDocumentRecords(path, body),
            ".csv" => Delimited(path, body, ','),
            _ => Delimited(path, body, '\t'),
        };
        var (records, roles) = Normalise(path, raw, overrides, budget);
        return (records, roles, Convert.ToHexStringLower(SHA256.HashData(bytes)));
    }

    /// <summary>Detects roles and normalises each raw record, within the per-record time budget; roles of the card are the most common ones.</summary>
    private static (List<DatasetRecord> Records, IReadOnlyDictionary<string, string> Roles) Normalise(
        string path, IEnumerable<(List<FlatField> Fields, int Line)> raw, IReadOnlyDictionary<string, string>? overrides, TimeSpan budget)
    {
        var records = new List<DatasetRecord>();
        var signatures = new Dictionary<string, (int Count, Dictionary<string, string> Roles)>(StringComparer.Ordinal);
        var clock = Stopwatch.StartNew();
        foreach (var (fields, line) in raw)
        {
            var roles = RoleDetection.Detect(fields, overrides);
            records.Add(RecordNormaliser.Normalise(fields, roles, path, line, $"{records.Count + 1}"));
            string signature = string.Join(";", roles.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => $"{r.Key}={r.Value}"));
            signatures[signature] = signatures.TryGetValue(signature, out var seen) ? (seen.Count + 1, seen.Roles) : (1, roles);
            if (clock.Elapsed > budget)
            {
                throw new DatasetFormatException(ErrorCodes.DatasetRecordBudget, path, line,
                    string.Create(System.Globalization.CultureInfo.InvariantCulture, $"record {records.Count} took over {budget.TotalSeconds:0.###} s to read; shorten or remove it (very long or deeply nested records are not read)"));
            }

            clock.Restart();
        }

        if (records.Count == 0)
        {
            throw new DatasetFormatException(ErrorCodes.EmptyDataset, path, 0, "the dataset holds no records; add records or remove it from Datasets");
        }

        var common = signatures.Values.OrderByDescending(s => s.Count).First().Roles;
        return (records, common);
    }

    private static IEnumerable<(List<FlatField>, int)> JsonLines(string path, ReadOnlyMemory<byte> body)
    {
        int lineNumber = 0;
        int start = 0;
        var span = body;
        while (start <= span.Length)
        {
            int end = span.Span[start..].IndexOf((byte)'\n');
            var lineBytes = end < 0 ? span[start..] : span.Slice(start, end);
            lineNumber++;
            start = end < 0 ? span.Length + 1 : start + end + 1;
            var trimmed = System.Text.Encoding.UTF8.GetString(lineBytes.Span).Trim();
            if (trimmed.Length == 0)
            {
                continue;
            }

            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(trimmed, DocumentOptions);
            }
            catch (JsonException ex)
            {
                throw new DatasetFormatException(path, lineNumber, $"this line is not valid JSON ({ex.Message}); every line must hold one complete JSON object", ex);
            }

            using (document)
            {
                yield return (Object(document.RootElement, path, lineNumber), lineNumber);
            }
        }
    }

    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 64 };

    private static IEnumerable<(List<FlatField>, int)> JsonDocumentRecords(string path, ReadOnlyMemory<byte> body)
    {
        using var document = Parse(path, body);
        var root = document.RootElement;
        if (root.ValueKind == JsonValueKind.Array)
        {
            var lines = StartLines(body, inData: false);
            int index = 0;
            foreach (var element in root.EnumerateArray())
            {
                int line = index < lines.Count ? lines[index] : 0;
                index++;
                yield return (Object(element, path, line), line);
            }

            yield break;
        }

        if (root.ValueKind != JsonValueKind.Object || Container(root) is null)
        {
            throw new DatasetFormatException(path, 1, "a .json dataset must be a JSON array of objects, or an object whose \"data\" (or examples, records, rows, ...) array holds them; wrap the records in [ ... ] or use .jsonl");
        }

        var dataLines = StartLines(body, inData: true);
        int position = 0;
        foreach (var (fields, depth) in Expand(root, [], 0))
        {
            int line = depth == 1 && position < dataLines.Count ? dataLines[position] : 0;
            position++;
            yield return (fields, line);
        }
    }

    /// <summary>
    /// The records of a nested document (SQuAD: data -> paragraphs -> qas): an object with a question-like field is a record;
    /// one without descends into its record container, passing its scalar fields (a title, a context) down to every record.
    /// </summary>
    private static IEnumerable<(List<FlatField> Fields, int Depth)> Expand(JsonElement element, List<FlatField> inherited, int depth)
    {
        if (depth > FlatRecord.MaxDepth + 2 || Container(element) is not { } container)
        {
            yield break;
        }

        var own = FlatRecord.FromJson(element).Where(f => f.IsScalar && f.Parent.Length == 0).ToList();
        var passed = inherited.Where(f => !own.Any(o => o.Path.Equals(f.Path, StringComparison.OrdinalIgnoreCase))).Concat(own).ToList();
        foreach (var child in container.EnumerateArray())
        {
            if (child.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            var fields = FlatRecord.FromJson(child);
            if (IsRecord(fields) || Container(child) is null)
            {
                fields.AddRange(passed.Where(p => !fields.Any(f => f.Path.Equals(p.Path, StringComparison.OrdinalIgnoreCase))));
                yield return (fields, depth + 1);
            }
            else
            {
                foreach (var nested in Expand(child, passed, depth + 1))
                {
                    yield return nested;
                }
            }
        }
    }

    private static bool IsRecord(List<FlatField> fields) =>
        fields.Any(f => f.Parent.Length == 0 && f.Kind is FlatKind.Text or FlatKind.Other
            && (RoleDetection.QuestionNames.Contains(f.Leaf, StringComparer.OrdinalIgnoreCase) || f.Leaf.Equals("output", StringComparison.OrdinalIgnoreCase)));

    /// <summary>The array of objects that holds an object's records: a well-known container name first, then the first array of objects.</summary>
    private static JsonElement? Container(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        foreach (string name in ContainerNames)
        {
            foreach (var property in element.EnumerateObject())
            {
                if (property.Name.Equals(name, StringComparison.OrdinalIgnoreCase) && IsObjectArray(property.Value))
                {
                    return property.Value;
                }
            }
        }

        return null;
    }

    private static bool IsObjectArray(JsonElement value) =>
        value.ValueKind == JsonValueKind.Array && value.GetArrayLength() > 0 && value.EnumerateArray().All(e => e.ValueKind == JsonValueKind.Object);

    private static List<FlatField> Object(JsonElement element, string path, int line)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new DatasetFormatException(path, line, $"expected a JSON object but found {element.ValueKind}; every record must be an object");
        }

        return FlatRecord.FromJson(element);
    }

    /// <summary>CSV or TSV: with a header naming the fields, or header-less in the MMLU layout (question, options..., answer letter).</summary>
    private static IEnumerable<(List<FlatField>, int)> Delimited(string path, ReadOnlyMemory<byte> body, char delimiter)
    {
        var rows = CsvParser.Parse(Encoding.UTF8.GetString(body.Span), path, delimiter);
        if (rows.Count == 0)
        {
            throw new DatasetFormatException(ErrorCodes.EmptyDataset, path, 1, "the file is empty; add a header row naming the question and answer columns, then records");
        }

        var first = rows[0].Cells.Select(c => c.Trim()).ToList();
        List<string> header;
        int skip;
        if (HeaderLess(rows))
        {
            header = ["question", .. Enumerable.Range(0, first.Count - 2).Select(i => ((char)('A' + i)).ToString()), "answer"];
            skip = 0;
        }
        else
        {
            header = first;
            skip = 1;
            var probe = RoleDetection.Detect(FlatRecord.FromCells(header, header));
            if (!probe.ContainsKey(DatasetRole.Answer) || !(probe.ContainsKey(DatasetRole.Question) || probe.ContainsKey(DatasetRole.Context)))
            {
                string kind = delimiter == '\t' ? "TSV" : "CSV";
                throw new DatasetFormatException(path, rows[0].Line,
                    $"the {kind} header needs an input column (question|input|prompt|problem|sentence|context|text ...) and an output column (answer|output|target|label ...), or no header in the question,option...,answer-letter layout; rename the columns");
            }
        }

        foreach (var row in rows.Skip(skip))
        {
            if (row.Cells.Count != header.Count)
            {
                throw new DatasetFormatException(path, row.Line, $"this row has {row.Cells.Count} cells but the header has {header.Count}; quote cells that contain {(delimiter == '\t' ? "tabs" : "commas")}");
            }

            yield return (FlatRecord.FromCells(header, row.Cells), row.Line);
        }
    }

    /// <summary>Header-less multiple choice: at least 4 cells a row, every row the same width, the last cell a letter naming one of the middle cells.</summary>
    private static bool HeaderLess(IReadOnlyList<CsvRow> rows)
    {
        int width = rows[0].Cells.Count;
        return width >= 4
            && rows.All(r => r.Cells.Count == width)
            && rows.All(r => r.Cells[^1].Trim() is { Length: 1 } letter && letter[0] >= 'A' && letter[0] < 'A' + width - 2);
    }

    private static Dataset ReadGeneralBench(string folder, TimeSpan budget)
    {
        string annotationPath = Path.Combine(folder, AnnotationFileName);
        byte[] annotationBytes = DatasetFile.ReadAllBytes(annotationPath);
        var body = DatasetFile.Utf8Body(annotationPath, annotationBytes);
        string task, type, modality;
        List<DatasetRecord> records;
        IReadOnlyDictionary<string, string> roles;
        using (var document = Parse(annotationPath, body))
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Array)
            {
                throw new DatasetFormatException(annotationPath, 1, "annotation.json must be an object with a \"data\" array of { \"id\", \"input\", \"output\" } entries");
            }

            task = StringProperty(root, "task") ?? string.Empty;
            type = StringProperty(root, "type") ?? string.Empty;
            modality = StringProperty(root, "modality") ?? "text";
            var lines = StartLines(body, inData: true);
            var raw = data.EnumerateArray().Select((element, index) =>
            {
                int line = index < lines.Count ? lines[index] : 0;
                return (Object(element, annotationPath, line), line);
            });
            (records, roles) = Normalise(annotationPath, raw, null, budget);
        }

        var hashParts = new List<(string Name, byte[] Bytes)> { (AnnotationFileName, annotationBytes) };
        var inferred = CardInference.Infer(folder, records, roles, modality);
        DatasetCard card = inferred;
        if (task.Length > 0)
        {
            card = card with
            {
                Description = $"{string.Join(" ", new[] { task, type }.Where(s => s.Length > 0))}. {inferred.Description}",
                Tasks = [task],
            };
        }

        var cardFiles = Directory.GetFiles(folder, "*.json")
            .Where(f => !Path.GetFileName(f).Equals(AnnotationFileName, StringComparison.OrdinalIgnoreCase))
            .OrderBy(f => f, StringComparer.Ordinal)
            .ToList();
        if (cardFiles.Count > 0)
        {
            byte[] cardBytes = DatasetFile.ReadAllBytes(cardFiles[0]);
            hashParts.Add((Path.GetFileName(cardFiles[0]), cardBytes));
            card = ReadCard(cardFiles[0], cardBytes, card);
        }

        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var (name, bytes) in hashParts)
        {
            sha.AppendData(Encoding.UTF8.GetBytes(name + "\n"));
            sha.AppendData(bytes);
        }

        return new Dataset(card, records, folder, Convert.ToHexStringLower(sha.GetHashAndReset()));
    }

    /// <summary>A folder of split files (a Hugging Face <c>datasets</c> export): the evaluation split is read, test first.</summary>
    private static Dataset ReadSplitFolder(string folder, TimeSpan budget)
    {
        var files = Directory.GetFiles(folder)
            .Where(f => DataExtensions.Contains(Path.GetExtension(f).ToLowerInvariant()) && !f.EndsWith(DatasetCardFile.Suffix, StringComparison.OrdinalIgnoreCase))
            .OrderBy(f => f, StringComparer.Ordinal)
            .ToList();
        string? chosen = SplitPriority
            .Select(split => files.FirstOrDefault(f => Path.GetFileNameWithoutExtension(f).Split('-', '_', '.')[0].Equals(split, StringComparison.OrdinalIgnoreCase)))
            .FirstOrDefault(f => f is not null) ?? (files.Count == 1 ? files[0] : null);
        if (chosen is null)
        {
            throw new DatasetFormatException(folder, 0,
                $"the folder has no {AnnotationFileName} and no split file (test, validation, dev or train as .jsonl, .json, .csv or .tsv); a General-Bench dataset folder needs one");
        }

        var cardFile = DatasetCardFile.ReadFor(folder);
        var (records, roles, hash) = ReadFile(chosen, cardFile?.Roles, budget);
        var card = CardInference.Infer(folder, records, roles);
        return new Dataset(cardFile is null ? card : cardFile.ApplyTo(card), records, folder, hash);
    }

    private static DatasetCard ReadCard(string path, byte[] bytes, DatasetCard inferred)
    {
        using var document = Parse(path, DatasetFile.Utf8Body(path, bytes));
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new DatasetFormatException(path, 1, "a dataset card must be a JSON object with name, description, tasks and modalities");
        }

        var answerType = inferred.AnswerType;
        string? declared = StringProperty(root, "answer_type") ?? StringProperty(root, "answerType");
        if (declared is not null)
        {
            // Pattern answers are regular expressions: dataset text is data, never code, so a dataset cannot declare them.
            if (!Enum.TryParse(declared, ignoreCase: true, out answerType) || !Enum.IsDefined(answerType) || answerType == AnswerType.Pattern)
            {
                throw new DatasetFormatException(path, 1, $"answer_type '{declared}' is unknown; use Number, Choice, ShortText or FreeText");
            }
        }

        return inferred with
        {
            Name = StringProperty(root, "name") ?? Path.GetFileName(Path.GetDirectoryName(path)) ?? "dataset",
            Description = StringProperty(root, "description") ?? string.Empty,
            Tasks = StringList(root, "tasks", "task"),
            Modalities = StringList(root, "modalities", "modality") is { Count: > 0 } modalities ? modalities : ["text"],
            AnswerType = answerType,
            Keywords = StringList(root, "keywords", "tags"),
            Origin = DatasetCard.FileOrigin,
        };
    }

    private static string? StringProperty(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static IReadOnlyList<string> StringList(JsonElement element, params string[] names)
    {
        foreach (string name in names)
        {
            if (!element.TryGetProperty(name, out var value))
            {
                continue;
            }

            if (value.ValueKind == JsonValueKind.String)
            {
                return [value.GetString()!];
            }

            if (value.ValueKind == JsonValueKind.Array)
            {
                return value.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!).ToList();
            }
        }

        return [];
    }

    private static JsonDocument Parse(string path, ReadOnlyMemory<byte> body)
    {
        try
        {
            return JsonDocument.Parse(body, DocumentOptions);
        }
        catch (JsonException ex)
        {
            int line = (int)(ex.LineNumber ?? -1) + 1;
            throw new DatasetFormatException(path, line, $"the file is not valid JSON ({ex.Message}); fix the syntax at this line", ex);
        }
    }

    /// <summary>The 1-based lines on which the elements of the top-level array (or of the top-level "data" array) start.</summary>
    private static List<int> StartLines(ReadOnlyMemory<byte> data, bool inData)
    {
        var reader = new Utf8JsonReader(data.Span, new JsonReaderOptions { MaxDepth = 64 });
        var offsets = new List<long>();
        int arrayDepth = -1;
        bool nextIsData = false;
        while (reader.Read())
        {
            if (arrayDepth < 0)
            {
                if (!inData && reader.TokenType == JsonTokenType.StartArray && reader.CurrentDepth == 0)
                {
                    arrayDepth = 0;
                }
                else if (inData && reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 1)
                {
                    nextIsData = reader.ValueTextEquals("data");
                }
                else if (inData && nextIsData && reader.TokenType == JsonTokenType.StartArray && reader.CurrentDepth == 1)
                {
                    arrayDepth = 1;
                }

                continue;
            }

            if (reader.CurrentDepth == arrayDepth + 1 && reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray
                or JsonTokenType.String or JsonTokenType.Number or JsonTokenType.True or JsonTokenType.False or JsonTokenType.Null)
            {
                offsets.Add(reader.TokenStartIndex);
            }
            else if (reader.TokenType == JsonTokenType.EndArray && reader.CurrentDepth == arrayDepth)
            {
                break;
            }
        }

        var lines = new List<int>(offsets.Count);
        int line = 1;
        long position = 0;
        var span = data.Span;
        foreach (long offset in offsets)
        {
            for (; position < offset; position++)
            {
                if (span[(int)position] == (byte)'\n')
                {
                    line++;
                }
            }

            lines.Add(line);
        }

        return lines;
    }
}
