using System.Globalization;
using System.Text.Json;
using BenchmarkAgent.Execution;

namespace BenchmarkAgent.Snapshots;

/// <summary>Reads snapshot files back. Every problem is a <see cref="SnapshotFormatException"/> with file and line.</summary>
public static class SnapshotReader
{
    private static readonly JsonDocumentOptions DocumentOptions = new() { AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Skip };

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

    /// <summary>Reads every item of an items file.</summary>
    public static IReadOnlyList<BenchmarkItem> ReadItems(string itemsPath)
    {
        string text = File.ReadAllText(itemsPath);
        using var document = Parse(itemsPath, text);
        var root = document.RootElement;
        string schema = root.TryGetProperty("schema", out var s) ? s.GetString() ?? string.Empty : string.Empty;
        if (schema != SnapshotLayout.ItemsSchema)
        {
            throw new SnapshotFormatException(itemsPath, 1, $"Unknown schema '{schema}'; this version reads '{SnapshotLayout.ItemsSchema}'. Regenerate with 'dotnet build'.");
        }

        if (!root.TryGetProperty("items", out var array) || array.ValueKind != JsonValueKind.Array)
        {
            throw new SnapshotFormatException(itemsPath, 1, "The file has no 'items' array.");
        }

        var items = new List<BenchmarkItem>(array.GetArrayLength());
        var ids = new HashSet<string>(StringComparer.Ordinal);
        int ordinal = 0;
        foreach (var element in array.EnumerateArray())
        {
            var item = ReadItem(itemsPath, text, element, ordinal++);
            if (!ids.Add(item.Id))
            {
                // Point at the repeated id (the second occurrence), not the first item that holds it.
                throw new SnapshotFormatException(itemsPath, LineOf(text, item.Id, occurrence: 2), $"Duplicate item id '{item.Id}'.");
            }

            items.Add(item);
        }

        return items;
    }

    private static BenchmarkItem ReadItem(string path, string text, JsonElement element, int ordinal)
    {
        string id = RequiredString(path, text, element, "id", $"item #{ordinal + 1}");
        string where = $"item '{id}'";
        int line = LineOf(text, id);
        string subtask = RequiredString(path, text, element, "subtask", where);
        if (!SnapshotNames.TryParseDifficulty(RequiredString(path, text, element, "difficulty", where), out var difficulty) || difficulty is null)
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

        if (!SnapshotNames.TryParseAnswerType(RequiredString(path, text, answerElement, "type", where), out var type))
        {
            throw new SnapshotFormatException(path, line, $"{where} has an unknown answer type (use number, choice, text, pattern or freetext).");
        }

        string value = RequiredString(path, text, answerElement, "value", where);
        double tolerance = answerElement.TryGetProperty("tolerance", out var t) && t.ValueKind == JsonValueKind.Number ? t.GetDouble() : 0;
        if (type == AnswerType.Number && !decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out _))
        {
            throw new SnapshotFormatException(path, line, $"{where} has the numeric answer '{value}', which is not a number.");
        }

        if (type == AnswerType.Pattern && !IsValidPattern(value))
        {
            throw new SnapshotFormatException(path, line, $"{where} has the pattern answer '{value}', which is not a valid .NET regular expression.");
        }

        var provenance = element.TryGetProperty("provenance", out var p) && p.ValueKind == JsonValueKind.Object
            ? new ItemProvenance(
                p.TryGetProperty("source", out var src) ? src.GetString() ?? string.Empty : string.Empty,
                p.TryGetProperty("seed", out var seed) ? seed.GetString() ?? string.Empty : string.Empty,
                p.TryGetProperty("index", out var index) && index.ValueKind == JsonValueKind.Number ? index.GetInt32() : 0,
                p.TryGetProperty("attempt", out var attempt) && attempt.ValueKind == JsonValueKind.Number ? attempt.GetInt32() : 0,
                p.TryGetProperty("transformations", out var tr) && tr.ValueKind == JsonValueKind.Array ? tr.EnumerateArray().Select(x => x.GetString() ?? string.Empty).ToList() : [],
                p.TryGetProperty("checks", out var checks) ? (checks.GetString() ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries) : [])
            : new ItemProvenance("manual", string.Empty, 0, 0, [], []);
        return new BenchmarkItem(id, subtask, difficulty.Value, prompt, choices, new ExpectedAnswer(type, value, tolerance), provenance);
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

    private static string RequiredString(string path, string text, JsonElement element, string property, string where)
    {
        if (element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString()))
        {
            return value.GetString()!;
        }

        int line = element.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String ? LineOf(text, id.GetString()!) : 0;
        throw new SnapshotFormatException(path, line, $"{where} has no '{property}' text.");
    }

    private static JsonDocument Parse(string path, string text)
    {
        if (text.Contains("\n<<<<<<< ", StringComparison.Ordinal) || text.StartsWith("<<<<<<< ", StringComparison.Ordinal))
        {
            int index = text.IndexOf("<<<<<<< ", StringComparison.Ordinal);
            throw new SnapshotFormatException(path, text[..index].Count(ch => ch == '\n') + 1, "The file contains merge-conflict markers. Resolve the conflict, or delete the file and run 'dotnet build' to regenerate.");
        }

        try
        {
            return JsonDocument.Parse(text, DocumentOptions);
        }
        catch (JsonException ex)
        {
            throw new SnapshotFormatException(path, (int)(ex.LineNumber ?? 0) + 1, "The file is not valid JSON: " + ex.Message, ex);
        }
    }

    private static int LineOf(string text, string id, int occurrence = 1)
    {
        string needle = $"\"id\": \"{id}\"";
        int index = -1;
        for (int i = 0; i < occurrence; i++)
        {
            index = text.IndexOf(needle, index + 1, StringComparison.Ordinal);
            if (index < 0)
            {
                return 0;
            }
        }

        return text[..index].Count(ch => ch == '\n') + 1;
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
