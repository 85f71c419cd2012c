using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using BenchmarkAgent.Snapshots;

namespace BenchmarkAgent.Persistence;

/// <summary>
/// The resume journal of one benchmark's generation, under <c>obj/benchagent/&lt;name&gt;.journal</c>: a header line that
/// binds it to the benchmark and its input fingerprint, then one JSON line per accepted position, appended and flushed
/// as the executor accepts it. Opening it keeps every complete record and drops a torn last one; a journal written for
/// other inputs (or another journal format) is discarded. Open it only while holding the <see cref="GenerationLock"/>.
/// </summary>
internal sealed class GenerationJournal : IItemJournal, IDisposable
{
    /// <summary>The journal format id, in the header; a journal with another id is discarded.</summary>
    public const string Schema = "benchagent/journal@1";

    private static readonly JsonSerializerOptions RecordOptions = CreateRecordOptions();

    private readonly FileStream _stream;
    private readonly Dictionary<(string Subtask, int Index), JournalEntry> _entries;
    private readonly HashSet<(string Subtask, int Index)> _served = [];
    private readonly HashSet<(string Subtask, int Index)> _appended = [];

    private GenerationJournal(string path, FileStream stream, Dictionary<(string, int), JournalEntry> entries)
    {
        Path = path;
        _stream = stream;
        _entries = entries;
        Recovered = entries.Count;
    }

    /// <summary>The journal file.</summary>
    public string Path { get; }

    /// <summary>How many complete records the journal held when it was opened.</summary>
    public int Recovered { get; }

    /// <summary>How many positions were taken from the journal and not regenerated.</summary>
    public int Reused => _served.Count(position => !_appended.Contains(position));

    /// <summary>The journal file of <paramref name="benchmark"/> for a project whose <c>obj/</c> folder is <paramref name="intermediateDirectory"/>.</summary>
    public static string PathFor(string intermediateDirectory, string benchmark) =>
        System.IO.Path.Combine(intermediateDirectory, "benchagent", benchmark + ".journal");

    /// <summary>
    /// Opens (or creates) the journal at <paramref name="path"/> for <paramref name="benchmark"/> with the inputs
    /// <paramref name="fingerprint"/>: keeps its complete records when its header matches, and starts it afresh otherwise.
    /// </summary>
    /// <exception cref="IOException">The file cannot be created, read or written.</exception>
    /// <exception cref="UnauthorizedAccessException">The folder is not writable.</exception>
    public static GenerationJournal Open(string path, string benchmark, string fingerprint)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!);
        var stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read);
        try
        {
            byte[] content = new byte[stream.Length];
            stream.ReadExactly(content);
            byte[] header = HeaderLine(benchmark, fingerprint);
            var entries = new Dictionary<(string, int), JournalEntry>();
            long keep = content.AsSpan().StartsWith(header) ? ReadRecords(content, header.Length, entries) : 0;
            // Drop what cannot be used (a torn last record, or a whole journal for other inputs) before appending.
            stream.SetLength(keep);
            stream.Seek(keep, SeekOrigin.Begin);
            if (keep == 0)
            {
                stream.Write(header);
                stream.Flush();
            }

            return new GenerationJournal(path, stream, entries);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    public bool TryGet(string subtask, int index, [NotNullWhen(true)] out JournalEntry? entry)
    {
        if (_entries.TryGetValue((subtask, index), out entry))
        {
            _served.Add((subtask, index));
            return true;
        }

        return false;
    }

    /// <inheritdoc />
    /// <remarks>The record reaches the operating system before this returns, so it survives the process being killed.</remarks>
    public void Append(JournalEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        byte[] json = JsonSerializer.SerializeToUtf8Bytes(entry, RecordOptions);
        byte[] line = new byte[json.Length + 1];
        json.CopyTo(line, 0);
        line[^1] = (byte)'\n';
        _stream.Write(line);
        _stream.Flush();
        _appended.Add((entry.Item.Subtask, entry.Item.Provenance.Index));
    }

    /// <summary>Closes and deletes the journal: its snapshot is written, so there is nothing left to resume.</summary>
    public void Delete()
    {
        _stream.Dispose();
        File.Delete(Path);
    }

    /// <inheritdoc />
    public void Dispose() => _stream.Dispose();

    /// <summary>Reads complete records after the header; returns the length of the valid prefix (header included).</summary>
    private static long ReadRecords(byte[] content, int start, Dictionary<(string, int), JournalEntry> entries)
    {
        int offset = start;
        while (offset < content.Length)
        {
            int end = Array.IndexOf(content, (byte)'\n', offset);
            if (end < 0 || TryParseRecord(content.AsSpan(offset, end - offset)) is not { } entry)
            {
                // A torn or damaged record: it and anything after it are not trusted.
                break;
            }

            entries[(entry.Item.Subtask, entry.Item.Provenance.Index)] = entry;
            offset = end + 1;
        }

        return offset;
    }

    private static JournalEntry? TryParseRecord(ReadOnlySpan<byte> json)
    {
        try
        {
            var entry = JsonSerializer.Deserialize<JournalEntry>(json, RecordOptions);
            return entry?.Item?.Provenance is null || entry.Rejections is null ? null : entry;
        }
        catch (JsonException)
        {
            return null;
        }
        catch (ArgumentException)
        {
            // Invalid UTF-8 or a value a record's constructor refuses.
            return null;
        }
    }

    private static byte[] HeaderLine(string benchmark, string fingerprint)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("journal", Schema);
            writer.WriteString("benchmark", benchmark);
            writer.WriteString("engine", InputFingerprint.EngineVersion);
            writer.WriteString("fingerprint", fingerprint);
            writer.WriteEndObject();
        }

        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }

    private static JsonSerializerOptions CreateRecordOptions()
    {
        // A record missing a field, or with null where the item has none, is damaged rather than half-read.
        var options = new JsonSerializerOptions
        {
            RespectNullableAnnotations = true,
            RespectRequiredConstructorParameters = true,
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
