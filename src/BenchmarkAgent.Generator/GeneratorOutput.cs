using BenchmarkAgent.GeneratorProtocol;

namespace BenchmarkAgent.Generator;

/// <summary>Writes protocol lines to standard output, one JSON object per line, flushed at once; safe from any thread.</summary>
internal sealed class GeneratorOutput(TextWriter writer)
{
    private readonly Lock _gate = new();

    /// <summary>Whether an error line was written.</summary>
    public bool HasErrors { get; private set; }

    /// <summary>Writes <paramref name="line"/>.</summary>
    public void Write(GeneratorLine line)
    {
        string json = GeneratorProtocolJson.Serialize(line);
        lock (_gate)
        {
            HasErrors |= line.Type == GeneratorLineTypes.Error;
            writer.Write(json);
            writer.Write('\n');
            writer.Flush();
        }
    }

    /// <summary>Writes a message.</summary>
    public void Message(string importance, string format, params object?[] args) =>
        Write(GeneratorLine.Message(importance, string.Format(System.Globalization.CultureInfo.InvariantCulture, format, args)));

    /// <summary>Writes an error about the project (or <paramref name="file"/> at <paramref name="line"/>).</summary>
    public void Error(string code, string text, string? file = null, int line = 0) => Write(GeneratorLine.Error(code, text, file, line));

    /// <summary>Writes a warning.</summary>
    public void Warning(string code, string text, string? file = null, int line = 0) => Write(GeneratorLine.Warning(code, text, file, line));
}
