using System.Text.Json;
using System.Text.Unicode;

namespace BenchmarkAgent.Snapshots;

/// <summary>
/// Reads a JSON document whose root object holds one large array (an items file) without holding the whole text: a
/// <see cref="Utf8JsonReader"/> over the stream in chunks, each array element parsed on its own and handed over with the
/// line of its key property, then released. Memory is one element plus a chunk (64 KiB, grown only for an element that
/// does not fit), where reading the text whole cost the file twice over (a UTF-16 string and a pooled UTF-8 copy the
/// shared pool kept for the rest of the process). Syntax errors surface as <see cref="JsonException"/> with the
/// line, as they did when the document was parsed whole.
/// </summary>
internal static class JsonArrayFile
{
    /// <summary>The first chunk's size: small enough to stay out of the large object heap.</summary>
    private const int ChunkBytes = 64 * 1024;

    /// <summary>
    /// Reads <paramref name="stream"/> to its end (the whole document is validated, trailing content included) and calls
    /// <paramref name="element"/> for every element of the root's <paramref name="arrayProperty"/> array, in order.
    /// </summary>
    /// <param name="stream">UTF-8 JSON, with or without a byte order mark.</param>
    /// <param name="arrayProperty">The root property whose array elements are streamed (e.g. <c>items</c>).</param>
    /// <param name="lineProperty">The element property whose line is reported (e.g. <c>id</c>): the 1-based line of its name when its value is a string, else 0.</param>
    /// <param name="options">The reader options (comments, trailing commas, depth).</param>
    /// <param name="element">Called with each element (valid only during the call) and the line of its <paramref name="lineProperty"/>.</param>
    /// <returns>What the root held besides the array's elements.</returns>
    /// <exception cref="JsonException">The text is not valid JSON.</exception>
    /// <exception cref="InvalidUtf8Exception">An element's text is not valid UTF-8.</exception>
    public static JsonArrayFileSummary Read(Stream stream, string arrayProperty, string lineProperty, JsonReaderOptions options, Action<JsonElement, int> element)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(element);
        var chunks = new Chunks(stream);
        chunks.SkipByteOrderMark();
        var reader = new Utf8JsonReader(chunks.Data, chunks.Final, new JsonReaderState(options));
        if (!Next(ref reader, chunks))
        {
            return new JsonArrayFileSummary(false, new Dictionary<string, string>(StringComparer.Ordinal), false, chunks.Capacity);
        }

        var strings = new Dictionary<string, string>(StringComparer.Ordinal);
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            while (Next(ref reader, chunks))
            {
                // Validate the rest, as parsing the document whole did.
            }

            return new JsonArrayFileSummary(false, strings, false, chunks.Capacity);
        }

        bool arrayFound = false;
        while (Next(ref reader, chunks) && reader.TokenType == JsonTokenType.PropertyName)
        {
            string name = reader.GetString()!;
            Next(ref reader, chunks);
            if (name == arrayProperty)
            {
                arrayFound = reader.TokenType == JsonTokenType.StartArray;
                if (arrayFound)
                {
                    Elements(ref reader, chunks, lineProperty, element);
                    continue;
                }
            }

            if (reader.TokenType == JsonTokenType.String)
            {
                strings[name] = reader.GetString()!;
            }
            else if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                int depth = reader.CurrentDepth;
                while (Next(ref reader, chunks) && !(reader.CurrentDepth == depth && reader.TokenType is JsonTokenType.EndObject or JsonTokenType.EndArray))
                {
                    // Skip the value token by token.
                }
            }
        }

        while (Next(ref reader, chunks))
        {
            // Anything after the root object is an error the reader reports.
        }

        return new JsonArrayFileSummary(true, strings, arrayFound, chunks.Capacity);
    }

    /// <summary>Streams the elements of the array whose start the reader is on; leaves the reader on its end.</summary>
    private static void Elements(ref Utf8JsonReader reader, Chunks chunks, string lineProperty, Action<JsonElement, int> element)
    {
        while (true)
        {
            var before = reader.CurrentState;
            int start = (int)reader.BytesConsumed;
            if (!reader.Read())
            {
                if (chunks.Final)
                {
                    return; // unreachable: a final block that ends inside the array makes Read throw
                }

                Refill(ref reader, chunks, start, before);
                continue;
            }

            if (reader.TokenType == JsonTokenType.EndArray)
            {
                return;
            }

            if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                var probe = reader;
                if (!probe.TrySkip())
                {
                    // The element does not end in this chunk: read on from its start (the chunk grows when it must).
                    Refill(ref reader, chunks, start, before);
                    continue;
                }

                int end = (int)probe.BytesConsumed;
                if (!Utf8.IsValid(chunks.Data[(int)reader.TokenStartIndex..end]))
                {
                    throw new InvalidUtf8Exception();
                }
            }

            int line = LineOf(reader, chunks, lineProperty);
            using var document = JsonDocument.ParseValue(ref reader);
            element(document.RootElement, line);
        }
    }

    /// <summary>The line of the element's <paramref name="lineProperty"/> (reader on the element's start), 0 when it has none or its value is not a string.</summary>
    private static int LineOf(Utf8JsonReader reader, Chunks chunks, string lineProperty)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return 0;
        }

        int depth = reader.CurrentDepth;
        while (reader.Read() && reader.CurrentDepth > depth)
        {
            if (reader.CurrentDepth == depth + 1 && reader.TokenType == JsonTokenType.PropertyName && reader.ValueTextEquals(lineProperty))
            {
                int at = (int)reader.TokenStartIndex;
                return reader.Read() && reader.TokenType == JsonTokenType.String ? chunks.LineAt(at) : 0;
            }

            if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                reader.TrySkip(); // the whole element is in the window (the caller checked), so this skips the nested value
            }
        }

        return 0;
    }

    /// <summary>Reads the next token, reading more of the stream as needed; false at the end of the document.</summary>
    private static bool Next(ref Utf8JsonReader reader, Chunks chunks)
    {
        while (!reader.Read())
        {
            if (chunks.Final)
            {
                return false;
            }

            Refill(ref reader, chunks, (int)reader.BytesConsumed, reader.CurrentState);
        }

        return true;
    }

    /// <summary>Keeps the bytes from <paramref name="keepFrom"/> on, reads more, and resumes from <paramref name="state"/>.</summary>
    private static void Refill(ref Utf8JsonReader reader, Chunks chunks, int keepFrom, JsonReaderState state)
    {
        chunks.ReadMore(keepFrom);
        reader = new Utf8JsonReader(chunks.Data, chunks.Final, state);
    }

    /// <summary>The window of the stream the reader sees, and the line each byte of it is on.</summary>
    private sealed class Chunks(Stream stream)
    {
        private byte[] _buffer = new byte[ChunkBytes];
        private int _length;
        private int _lineAtStart = 1;
        private int _counted;
        private int _lineAtCounted = 1;

        /// <summary>The window's size in bytes (the most of the stream held at once).</summary>
        public int Capacity => _buffer.Length;

        /// <summary>Whether the window reaches the end of the stream.</summary>
        public bool Final { get; private set; }

        /// <summary>The bytes in the window.</summary>
        public ReadOnlySpan<byte> Data => _buffer.AsSpan(0, _length);

        /// <summary>Fills the first window and drops a UTF-8 byte order mark.</summary>
        public void SkipByteOrderMark()
        {
            Fill();
            if (Data.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
            {
                ReadMore(3);
            }
        }

        /// <summary>Drops the bytes before <paramref name="keepFrom"/>, growing the window when nothing could be dropped, and reads more.</summary>
        public void ReadMore(int keepFrom)
        {
            int line = LineAt(keepFrom);
            int kept = _length - keepFrom;
            if (keepFrom == 0 && _length == _buffer.Length)
            {
                Array.Resize(ref _buffer, _buffer.Length * 2);
            }
            else
            {
                Buffer.BlockCopy(_buffer, keepFrom, _buffer, 0, kept);
            }

            _length = kept;
            _lineAtStart = line;
            _counted = 0;
            _lineAtCounted = line;
            Fill();
        }

        /// <summary>The 1-based line of the byte at <paramref name="offset"/> in the window (linear over increasing offsets).</summary>
        public int LineAt(int offset)
        {
            if (offset < _counted)
            {
                _counted = 0;
                _lineAtCounted = _lineAtStart;
            }

            _lineAtCounted += _buffer.AsSpan(_counted, offset - _counted).Count((byte)'\n');
            _counted = offset;
            return _lineAtCounted;
        }

        private void Fill()
        {
            while (_length < _buffer.Length && !Final)
            {
                int read = stream.Read(_buffer, _length, _buffer.Length - _length);
                Final = read == 0;
                _length += read;
            }
        }
    }
}
