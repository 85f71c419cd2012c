using System.Text.Json;

namespace BenchmarkAgent.Grounding;

/// <summary>
/// A small hand-written card next to a dataset file (<c>&lt;file&gt;.card.json</c>) that overrides what inference got
/// wrong: <c>name</c>, <c>description</c>, <c>tasks</c>, <c>keywords</c>, <c>modalities</c>, <c>answer_type</c> and
/// <c>roles</c> (role to field path). Every property is optional; its text is data, never a path or code.
/// </summary>
/// <param name="Name">The name, or null to keep the inferred one.</param>
/// <param name="Description">The description, or null.</param>
/// <param name="Tasks">The tasks, or null.</param>
/// <param name="Keywords">The keywords, or null.</param>
/// <param name="Modalities">The modalities, or null.</param>
/// <param name="AnswerType">The answer type, or null.</param>
/// <param name="Roles">Role to field path; empty to infer every role.</param>
internal sealed record DatasetCardFile(
    string? Name,
    string? Description,
    IReadOnlyList<string>? Tasks,
    IReadOnlyList<string>? Keywords,
    IReadOnlyList<string>? Modalities,
    BenchmarkAgent.AnswerType? AnswerType,
    IReadOnlyDictionary<string, string> Roles)
{
    /// <summary>The suffix a card file adds to its dataset's file name.</summary>
    public const string Suffix = ".card.json";

    /// <summary>The largest card file read, in bytes.</summary>
    public const long MaxBytes = 64 * 1024;

    /// <summary>Where the card of the dataset file <paramref name="datasetPath"/> lives.</summary>
    public static string PathFor(string datasetPath) => Path.TrimEndingDirectorySeparator(datasetPath) + Suffix;

    /// <summary>Reads the card next to <paramref name="datasetPath"/>; null when there is none.</summary>
    /// <exception cref="DatasetFormatException">The card is not a JSON object of the documented shape (BA0417).</exception>
    public static DatasetCardFile? ReadFor(string datasetPath)
    {
        string path = PathFor(datasetPath);
        if (!File.Exists(path))
        {
            return null;
        }

        byte[] bytes;
        try
        {
            bytes = DatasetFile.ReadAllBytes(path, MaxBytes);
        }
        catch (DatasetFormatException ex)
        {
            throw Invalid(path, 0, ex.Detail);
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(DatasetFile.Utf8Body(path, bytes));
        }
        catch (JsonException ex)
        {
            throw Invalid(path, (int)(ex.LineNumber ?? 0) + 1, $"it is not valid JSON ({ex.Message})");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw Invalid(path, 1, "it must be a JSON object");
            }

            var roles = new Dictionary<string, string>(StringComparer.Ordinal);
            if (root.TryGetProperty("roles", out var rolesElement))
            {
                if (rolesElement.ValueKind != JsonValueKind.Object)
                {
                    throw Invalid(path, 1, "\"roles\" must be an object from role to field path, e.g. {\"question\": \"question.stem\"}");
                }

                foreach (var role in rolesElement.EnumerateObject())
                {
                    if (!DatasetRole.All.Contains(role.Name) || role.Value.ValueKind != JsonValueKind.String)
                    {
                        throw Invalid(path, 1, $"role '{role.Name}' is unknown or not a string; roles are {string.Join(", ", DatasetRole.All)}, each naming a field path");
                    }

                    roles[role.Name] = role.Value.GetString()!;
                }
            }

            BenchmarkAgent.AnswerType? answerType = null;
            if ((Text(root, "answer_type") ?? Text(root, "answerType")) is { } declared)
            {
                // Pattern answers are regular expressions: dataset text is data, never code, so a card cannot declare them.
                if (!Enum.TryParse(declared, ignoreCase: true, out BenchmarkAgent.AnswerType parsed) || !Enum.IsDefined(parsed) || parsed == BenchmarkAgent.AnswerType.Pattern)
                {
                    throw Invalid(path, 1, $"answer_type '{declared}' is unknown; use Number, Choice, ShortText or FreeText");
                }

                answerType = parsed;
            }

            return new DatasetCardFile(Text(root, "name"), Text(root, "description"), List(root, "tasks"), List(root, "keywords"), List(root, "modalities"), answerType, roles);
        }
    }

    /// <summary>
    /// The bytes of <paramref name="card"/> in the card-file format (indented JSON, <c>\n</c> line endings), with
    /// <c>size</c>, <c>answer_form</c> and <c>origin</c> for information (ignored when read back). A cached card copied
    /// next to its dataset and edited becomes that dataset's override.
    /// </summary>
    public static byte[] Serialize(DatasetCard card)
    {
        ArgumentNullException.ThrowIfNull(card);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, NewLine = "\n", Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteString("name", card.Name);
            writer.WriteString("description", card.Description);
            WriteList(writer, "tasks", card.Tasks);
            WriteList(writer, "keywords", card.Keywords);
            WriteList(writer, "modalities", card.Modalities);
            writer.WriteString("answer_type", card.AnswerType.ToString());
            writer.WriteStartObject("roles");
            foreach (string role in DatasetRole.All.Where(card.Roles.ContainsKey))
            {
                writer.WriteString(role, card.Roles[role]);
            }

            writer.WriteEndObject();
            writer.WriteNumber("size", card.Size);
            writer.WriteString("answer_form", card.AnswerForm);
            writer.WriteString("origin", card.Origin);
            writer.WriteEndObject();
        }

        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }

    private static void WriteList(Utf8JsonWriter writer, string name, IReadOnlyList<string> values)
    {
        writer.WriteStartArray(name);
        foreach (string value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }

    /// <summary>Applies the card's overrides to <paramref name="card"/>.</summary>
    public DatasetCard ApplyTo(DatasetCard card) => card with
    {
        Name = Name ?? card.Name,
        Description = Description ?? card.Description,
        Tasks = Tasks ?? card.Tasks,
        Keywords = Keywords ?? card.Keywords,
        Modalities = Modalities ?? card.Modalities,
        AnswerType = AnswerType ?? card.AnswerType,
        Origin = DatasetCard.FileOrigin,
    };

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static List<string>? List(JsonElement root, string name) =>
        !root.TryGetProperty(name, out var value) ? null
        : value.ValueKind == JsonValueKind.String ? [value.GetString()!]
        : value.ValueKind == JsonValueKind.Array ? value.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!).ToList()
        : null;

    private static DatasetFormatException Invalid(string path, int line, string reason) =>
        new(ErrorCodes.InvalidDatasetCard, path, line, $"the dataset card cannot be read: {reason}; fix it or delete it to infer the card from the data");
}
