using System.Text.Json;
using System.Text.Json.Serialization;

namespace BenchmarkAgent;

/// <summary>Reads and writes an <see cref="ItemSource"/> as its text form (the resume journal serializes items with it).</summary>
internal sealed class ItemSourceJsonConverter : JsonConverter<ItemSource>
{
    /// <inheritdoc />
    public override ItemSource Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String
            ? ItemSource.Parse(reader.GetString()!)
            : throw new JsonException("An item source must be a string.");

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, ItemSource value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStringValue(value.ToString());
    }
}
