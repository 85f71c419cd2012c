using System.Text.Json;

namespace BenchmarkAgent.Grounding;

/// <summary>A record's fields flattened to dotted paths, in source order; the input of role detection.</summary>
internal static class FlatRecord
{
    /// <summary>How deep nested objects are flattened.</summary>
    public const int MaxDepth = 3;

    private static readonly string[] ItemTextNames = ["text", "content", "value", "utterance", "answer", "response", "sentence", "message"];
    private static readonly string[] ItemLabelNames = ["label", "key", "role", "speaker", "from", "author", "name"];

    /// <summary>Flattens a JSON object; the caller has checked that it is an object.</summary>
    public static List<FlatField> FromJson(JsonElement record)
    {
        var fields = new List<FlatField>();
        Add(fields, string.Empty, record, 0);
        return fields;
    }

    /// <summary>Flattens CSV/TSV cells under their header names.</summary>
    public static List<FlatField> FromCells(IReadOnlyList<string> header, IReadOnlyList<string> cells)
    {
        var fields = new List<FlatField>(header.Count);
        for (int i = 0; i < header.Count && i < cells.Count; i++)
        {
            fields.Add(FlatField.Scalar(header[i], FlatKind.Text, cells[i]));
        }

        return fields;
    }

    private static void Add(List<FlatField> fields, string prefix, JsonElement element, int depth)
    {
        foreach (var property in element.EnumerateObject())
        {
            string path = prefix.Length == 0 ? property.Name : $"{prefix}.{property.Name}";
            var value = property.Value;
            switch (value.ValueKind)
            {
                case JsonValueKind.String:
                    fields.Add(FlatField.Scalar(path, FlatKind.Text, value.GetString()!));
                    break;
                case JsonValueKind.Number:
                    fields.Add(FlatField.Scalar(path, FlatKind.Number, value.GetRawText()));
                    break;
                case JsonValueKind.True or JsonValueKind.False:
                    fields.Add(FlatField.Scalar(path, FlatKind.Boolean, value.ValueKind == JsonValueKind.True ? "true" : "false"));
                    break;
                case JsonValueKind.Array:
                    fields.Add(ListField(path, value));
                    break;
                case JsonValueKind.Object:
                    if (LetteredOptions(path, value) is { } lettered)
                    {
                        fields.Add(lettered);
                        break;
                    }

                    fields.Add(new FlatField(path, FlatKind.Other, value.GetRawText(), [], []));
                    if (depth < MaxDepth)
                    {
                        Add(fields, path, value, depth + 1);
                    }

                    break;
            }
        }
    }

    /// <summary>A list of strings or scalars, of objects (reduced to a text and a label each), or of lists (joined); other arrays stay JSON.</summary>
    private static FlatField ListField(string path, JsonElement array)
    {
        var items = new List<string>();
        var labels = new List<string>();
        foreach (var item in array.EnumerateArray())
        {
            switch (item.ValueKind)
            {
                case JsonValueKind.String:
                    items.Add(item.GetString()!);
                    break;
                case JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False:
                    items.Add(item.GetRawText());
                    break;
                case JsonValueKind.Object when Named(item, ItemTextNames) is { } text:
                    items.Add(text);
                    labels.Add(Named(item, ItemLabelNames) ?? string.Empty);
                    break;
                case JsonValueKind.Array when item.EnumerateArray().All(e => e.ValueKind == JsonValueKind.String):
                    items.Add(string.Join(" ", item.EnumerateArray().Select(e => e.GetString())));
                    break;
                default:
                    return new FlatField(path, FlatKind.Other, array.GetRawText(), [], []);
            }
        }

        if (labels.Count != items.Count || labels.All(l => l.Length == 0))
        {
            labels.Clear();
        }

        return new FlatField(path, FlatKind.List, array.GetRawText(), items, labels);
    }

    /// <summary>An object whose keys are the letters A, B, C, ... in order, with string values: options under their letters.</summary>
    private static FlatField? LetteredOptions(string path, JsonElement value)
    {
        var items = new List<string>();
        var labels = new List<string>();
        foreach (var property in value.EnumerateObject())
        {
            if (property.Name.Length != 1 || char.ToUpperInvariant(property.Name[0]) != (char)('A' + items.Count) || property.Value.ValueKind != JsonValueKind.String)
            {
                return null;
            }

            items.Add(property.Value.GetString()!);
            labels.Add(property.Name.ToUpperInvariant());
        }

        return items.Count >= 2 ? new FlatField(path, FlatKind.List, string.Join("\n", items), items, labels) : null;
    }

    private static string? Named(JsonElement item, string[] names)
    {
        foreach (string name in names)
        {
            foreach (var property in item.EnumerateObject())
            {
                if (property.Name.Equals(name, StringComparison.OrdinalIgnoreCase) && property.Value.ValueKind is JsonValueKind.String or JsonValueKind.Number)
                {
                    return property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString() : property.Value.GetRawText();
                }
            }
        }

        return null;
    }
}
