using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace BenchmarkAgent.Grounding;

/// <summary>
/// Reads datasets from <c>.jsonl</c>, <c>.json</c> and <c>.csv</c> files and from General-Bench folders
/// (<c>annotation.json</c> plus an optional dataset card). The only I/O of the grounding components.
/// Record text is data only: nothing read is ever used as a path or executed.
/// </summary>
internal static class DatasetReader
{
    /// <summary>The largest file read, in bytes.</summary>
    public const long MaxFileBytes = 256L * 1024 * 1024;

    /// <summary>The General-Bench annotation file name.</summary>
    public const string AnnotationFileName = "annotation.json";

    private static readonly string[] InputNames = ["question", "input", "prompt", "problem"];
    private static readonly string[] OutputNames = ["answer", "output", "target", "label"];
    private static readonly string[] TextNames = ["text", "content", "value", "question", "answer", "input", "output"];
    private static readonly string[] GenericStems = ["test", "train", "validation", "valid", "dev", "data", "dataset"];

    /// <summary>Reads the dataset at <paramref name="path"/>, choosing the format by extension (or folder layout).</summary>
    /// <exception cref="DatasetFormatException">The path is missing, of an unknown format, or malformed (code BA0401).</exception>
    public static Dataset Read(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (Directory.Exists(path))
        {
            return ReadGeneralBench(path);
        }

        if (!File.Exists(path))
        {
            throw new DatasetFormatException(path, 0, "no file or folder exists at this path; check the dataset path");
        }

        string extension = Path.GetExtension(path).ToLowerInvariant();
        return extension switch
        {
            ".jsonl" => ReadJsonLines(path),
            ".json" => ReadJsonArray(path),
            ".csv" => ReadCsv(path),
            _ => throw new DatasetFormatException(path, 0, $"unknown dataset format '{extension}'; use .jsonl, .json, .csv or a General-Bench folder with {AnnotationFileName}"),
        };
    }

    /// <summary>
    /// Reads the dataset at <paramref name="path"/> and describes it with <paramref name="card"/> instead of the
    /// card found in a General-Bench folder or built from the file name.
    /// </summary>
    /// <exception cref="DatasetFormatException">The path is missing, of an unknown format, or malformed (code BA0401).</exception>
    public static Dataset Read(string path, DatasetCard card)
    {
        ArgumentNullException.ThrowIfNull(card);
        return Read(path) with { Card = card };
    }

    private static Dataset ReadJsonLines(string path)
    {
        byte[] bytes = ReadBytes(path);
        string[] lines = Decode(bytes).Split('\n');
        var records = new List<DatasetRecord>();
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i].Trim();
            if (line.Length == 0)
            {
                continue;
            }

            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(line);
            }
            catch (JsonException ex)
            {
                throw new DatasetFormatException(path, i + 1, $"this line is not valid JSON ({ex.Message}); every line must hold one complete JSON object", ex);
            }

            using (document)
            {
                records.Add(ToRecord(document.RootElement, path, i + 1, $"{records.Count + 1}"));
            }
        }

        return Build(path, records, null, Hash(bytes));
    }

    private static Dataset ReadJsonArray(string path)
    {
        byte[] bytes = ReadBytes(path);
        var records = new List<DatasetRecord>();
        using (var document = ParseDocument(path, bytes))
        {
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                throw new DatasetFormatException(path, 1, "a .json dataset must be a JSON array of objects; wrap the records in [ ... ] or use .jsonl");
            }

            var lines = ElementLines(bytes);
            int index = 0;
            foreach (var element in document.RootElement.EnumerateArray())
            {
                int line = index < lines.Count ? lines[index] : 0;
                records.Add(ToRecord(element, path, line, $"{index + 1}"));
                index++;
            }
        }

        return Build(path, records, null, Hash(bytes));
    }

    private static Dataset ReadCsv(string path)
    {
        byte[] bytes = ReadBytes(path);
        var rows = CsvParser.Parse(Decode(bytes), path);
        if (rows.Count == 0)
        {
            throw new DatasetFormatException(path, 1, "the CSV file is empty; add a header row naming the question and answer columns");
        }

        var header = rows[0].Cells.Select(c => c.Trim()).ToList();
        int input = FindColumn(header, InputNames);
        int output = FindColumn(header, OutputNames);
        if (input < 0 || output < 0)
        {
            throw new DatasetFormatException(path, rows[0].Line, $"the header needs an input column ({string.Join("|", InputNames)}) and an output column ({string.Join("|", OutputNames)}); rename the columns");
        }

        int id = header.FindIndex(h => h.Equals("id", StringComparison.OrdinalIgnoreCase));
        var records = new List<DatasetRecord>(rows.Count - 1);
        foreach (var row in rows.Skip(1))
        {
            if (row.Cells.Count != header.Count)
            {
                throw new DatasetFormatException(path, row.Line, $"this row has {row.Cells.Count} cells but the header has {header.Count}; quote cells that contain commas");
            }

            var fields = new Dictionary<string, string>(StringComparer.Ordinal);
            for (int c = 0; c < header.Count; c++)
            {
                fields[header[c]] = row.Cells[c];
            }

            string recordId = id >= 0 && row.Cells[id].Length > 0 ? row.Cells[id] : $"{records.Count + 1}";
            records.Add(new DatasetRecord(recordId, row.Cells[input], row.Cells[output], fields));
        }

        return Build(path, records, null, Hash(bytes));
    }

    private static Dataset ReadGeneralBench(string folder)
    {
        string annotationPath = Path.Combine(folder, AnnotationFileName);
        if (!File.Exists(annotationPath))
        {
            throw new DatasetFormatException(folder, 0, $"the folder has no {AnnotationFileName}; a General-Bench dataset folder needs one");
        }

        byte[] annotationBytes = ReadBytes(annotationPath);
        var records = new List<DatasetRecord>();
        string task, type, modality;
        using (var document = ParseDocument(annotationPath, annotationBytes))
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Array)
            {
                throw new DatasetFormatException(annotationPath, 1, "annotation.json must be an object with a \"data\" array of { \"id\", \"input\", \"output\" } entries");
            }

            task = StringProperty(root, "task") ?? string.Empty;
            type = StringProperty(root, "type") ?? string.Empty;
            modality = StringProperty(root, "modality") ?? "text";
            var lines = DataElementLines(annotationBytes);
            int index = 0;
            foreach (var element in data.EnumerateArray())
            {
                int line = index < lines.Count ? lines[index] : 0;
                records.Add(ToRecord(element, annotationPath, line, $"{index + 1}"));
                index++;
            }
        }

        var hashParts = new List<(string Name, byte[] Bytes)> { (AnnotationFileName, annotationBytes) };
        DatasetCard? card = null;
        var cardFiles = Directory.GetFiles(folder, "*.json")
            .Where(f => !Path.GetFileName(f).Equals(AnnotationFileName, StringComparison.OrdinalIgnoreCase))
            .OrderBy(f => f, StringComparer.Ordinal)
            .ToList();
        if (cardFiles.Count > 0)
        {
            byte[] cardBytes = ReadBytes(cardFiles[0]);
            hashParts.Add((Path.GetFileName(cardFiles[0]), cardBytes));
            card = ReadCard(cardFiles[0], cardBytes, records);
        }

        card ??= new DatasetCard(
            Path.GetFileName(Path.TrimEndingDirectorySeparator(folder)),
            string.Join(" ", new[] { task, type }.Where(s => s.Length > 0)),
            task.Length > 0 ? [task] : [],
            [modality],
            AnswerInference.InferType(records.Select(r => r.Output)),
            []);

        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var (name, bytes) in hashParts)
        {
            sha.AppendData(Encoding.UTF8.GetBytes(name + "\n"));
            sha.AppendData(bytes);
        }

        return new Dataset(card, records, folder, Convert.ToHexStringLower(sha.GetHashAndReset()));
    }

    private static DatasetCard ReadCard(string path, byte[] bytes, IReadOnlyList<DatasetRecord> records)
    {
        using var document = ParseDocument(path, bytes);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new DatasetFormatException(path, 1, "a dataset card must be a JSON object with name, description, tasks and modalities");
        }

        var answerType = AnswerInference.InferType(records.Select(r => r.Output));
        string? declared = StringProperty(root, "answer_type") ?? StringProperty(root, "answerType");
        if (declared is not null)
        {
            // Pattern answers are regular expressions: dataset text is data, never code, so a dataset cannot declare them.
            if (!Enum.TryParse(declared, ignoreCase: true, out answerType) || !Enum.IsDefined(answerType) || answerType == AnswerType.Pattern)
            {
                throw new DatasetFormatException(path, 1, $"answer_type '{declared}' is unknown; use Number, Choice, ShortText or FreeText");
            }
        }

        return new DatasetCard(
            StringProperty(root, "name") ?? Path.GetFileName(Path.GetDirectoryName(path)) ?? "dataset",
            StringProperty(root, "description") ?? string.Empty,
            StringList(root, "tasks", "task"),
            StringList(root, "modalities", "modality") is { Count: > 0 } modalities ? modalities : ["text"],
            answerType,
            StringList(root, "keywords", "tags"));
    }

    private static Dataset Build(string path, List<DatasetRecord> records, DatasetCard? card, string hash)
    {
        string stem = Path.GetFileNameWithoutExtension(path);
        if (GenericStems.Contains(stem, StringComparer.OrdinalIgnoreCase)
            && Path.GetFileName(Path.GetDirectoryName(Path.GetFullPath(path))) is { Length: > 0 } parent)
        {
            stem = $"{parent}-{stem}";
        }

        var type = AnswerInference.InferType(records.Select(r => r.Output));
        card ??= new DatasetCard(stem, $"Records read from {Path.GetFileName(path)}", [], ["text"], type, stem.Split('-', '_', ' ', '.'));
        return new Dataset(card, records, path, hash);
    }

    private static DatasetRecord ToRecord(JsonElement element, string file, int line, string defaultId)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new DatasetFormatException(file, line, $"expected a JSON object but found {element.ValueKind}; every record must be an object");
        }

        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        string? input = null, output = null, id = null;
        int inputRank = int.MaxValue, outputRank = int.MaxValue;
        foreach (var property in element.EnumerateObject())
        {
            string name = property.Name;
            string? text = Text(property.Value);
            if ((name.Equals("choices", StringComparison.OrdinalIgnoreCase) || name.Equals("options", StringComparison.OrdinalIgnoreCase))
                && property.Value.ValueKind == JsonValueKind.Array
                && property.Value.EnumerateArray().All(e => e.ValueKind == JsonValueKind.String))
            {
                fields[DatasetRecord.ChoicesField] = string.Join("\n", property.Value.EnumerateArray().Select(e => e.GetString()));
                continue;
            }

            if (text is not null)
            {
                fields[name] = text;
            }

            int rank = Rank(InputNames, name);
            if (rank < inputRank && text is not null)
            {
                input = text;
                inputRank = rank;
            }

            rank = Rank(OutputNames, name);
            if (rank < outputRank && text is not null)
            {
                output = text;
                outputRank = rank;
            }

            if (name.Equals("id", StringComparison.OrdinalIgnoreCase) && text is not null)
            {
                id = text;
            }
        }

        if (input is null)
        {
            throw new DatasetFormatException(file, line, $"the record has no input field; name the question field one of {string.Join(", ", InputNames)}");
        }

        if (output is null)
        {
            throw new DatasetFormatException(file, line, $"the record has no output field; name the answer field one of {string.Join(", ", OutputNames)}");
        }

        return new DatasetRecord(id ?? defaultId, input, output, fields);
    }

    private static int Rank(string[] names, string name)
    {
        for (int i = 0; i < names.Length; i++)
        {
            if (names[i].Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return int.MaxValue;
    }

    private static string? Text(JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                return value.GetString();
            case JsonValueKind.Null or JsonValueKind.Undefined:
                return null;
            case JsonValueKind.Object:
                foreach (string name in TextNames)
                {
                    foreach (var property in value.EnumerateObject())
                    {
                        if (property.Name.Equals(name, StringComparison.OrdinalIgnoreCase) && property.Value.ValueKind == JsonValueKind.String)
                        {
                            return property.Value.GetString();
                        }
                    }
                }

                return value.GetRawText();
            default:
                return value.GetRawText();
        }
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

    private static int FindColumn(List<string> header, string[] names)
    {
        foreach (string name in names)
        {
            int index = header.FindIndex(h => h.Equals(name, StringComparison.OrdinalIgnoreCase));
            if (index >= 0)
            {
                return index;
            }
        }

        return -1;
    }

    private static JsonDocument ParseDocument(string path, byte[] bytes)
    {
        try
        {
            return JsonDocument.Parse(StripBom(bytes));
        }
        catch (JsonException ex)
        {
            int line = (int)(ex.LineNumber ?? -1) + 1;
            throw new DatasetFormatException(path, line, $"the file is not valid JSON ({ex.Message}); fix the syntax at this line", ex);
        }
    }

    /// <summary>The 1-based lines on which the elements of the top-level array start.</summary>
    private static List<int> ElementLines(byte[] bytes) => StartLines(bytes, inData: false);

    /// <summary>The 1-based lines on which the elements of the top-level "data" array start.</summary>
    private static List<int> DataElementLines(byte[] bytes) => StartLines(bytes, inData: true);

    private static List<int> StartLines(byte[] bytes, bool inData)
    {
        var data = StripBom(bytes);
        var reader = new Utf8JsonReader(data.Span);
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

    private static byte[] ReadBytes(string path)
    {
        var info = new FileInfo(path);
        if (info.Length > MaxFileBytes)
        {
            throw new DatasetFormatException(path, 0, $"the file is {info.Length} bytes, over the {MaxFileBytes}-byte limit; split it");
        }

        return File.ReadAllBytes(path);
    }

    private static ReadOnlyMemory<byte> StripBom(byte[] bytes) =>
        bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? bytes.AsMemory(3) : bytes.AsMemory();

    private static string Decode(byte[] bytes) => Encoding.UTF8.GetString(StripBom(bytes).Span);

    private static string Hash(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
