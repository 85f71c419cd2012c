using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace BenchmarkAgent.GeneratorProtocol;

/// <summary>Reads and writes the request file and the output lines: camelCase JSON, nulls left out, one line per output record.</summary>
internal static class GeneratorProtocolJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingDefault,
        WriteIndented = false,

        // The lines go to a pipe and into build logs, never into HTML: keep quotes and arrows readable.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The request as JSON text.</summary>
    public static string Serialize(GeneratorRequest request) => JsonSerializer.Serialize(request, Options);

    /// <summary>Reads a request.</summary>
    /// <exception cref="JsonException">The text is not a request.</exception>
    public static GeneratorRequest DeserializeRequest(string json) =>
        JsonSerializer.Deserialize<GeneratorRequest>(json, Options) ?? throw new JsonException("The request file holds null.");

    /// <summary>One output line as single-line JSON.</summary>
    public static string Serialize(GeneratorLine line) => JsonSerializer.Serialize(line, Options);

    /// <summary>Parses one output line; false when it is not JSON or has no known type.</summary>
    public static bool TryParseLine(string text, [NotNullWhen(true)] out GeneratorLine? line)
    {
        line = null;
        try
        {
            line = JsonSerializer.Deserialize<GeneratorLine>(text, Options);
        }
        catch (JsonException)
        {
            return false;
        }

        if (line is null)
        {
            return false;
        }

        bool valid = line.Type switch
        {
            GeneratorLineTypes.Progress => line.Benchmark is not null,
            GeneratorLineTypes.Message => line.Text is not null,
            GeneratorLineTypes.Warning or GeneratorLineTypes.Error => line.Text is not null && line.Code is not null,
            GeneratorLineTypes.Result => line.Generated is not null,
            _ => false,
        };
        if (!valid)
        {
            line = null;
        }

        return valid;
    }
}
