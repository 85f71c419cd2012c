namespace BenchmarkAgent.Snapshots;

/// <summary>
/// The 1-based lines on which each <c>"id": "..."</c> property of a JSON text (as the snapshot and baseline writers
/// indent it) appears, found in one pass over the text, so a reader can point an error at an item without scanning
/// the file again for every item (which made reading a 10,000-item snapshot quadratic).
/// </summary>
internal sealed class JsonIdLines
{
    private const string Needle = "\"id\": \"";

    private readonly Dictionary<string, List<int>> _lines;

    private JsonIdLines(Dictionary<string, List<int>> lines) => _lines = lines;

    /// <summary>Indexes every <c>"id": "..."</c> occurrence of <paramref name="text"/>.</summary>
    /// <param name="text">The file's text.</param>
    /// <returns>The index.</returns>
    public static JsonIdLines Index(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        int line = 1;
        int counted = 0;
        int at = text.IndexOf(Needle, StringComparison.Ordinal);
        while (at >= 0)
        {
            line += text.AsSpan(counted, at - counted).Count('\n');
            counted = at;
            int start = at + Needle.Length;
            int end = EndOfString(text, start);
            if (end < 0)
            {
                at = text.IndexOf(Needle, start, StringComparison.Ordinal);
                continue;
            }

            string raw = text[start..end];
            if (!lines.TryGetValue(raw, out var found))
            {
                lines[raw] = found = [];
            }

            found.Add(line);
            at = text.IndexOf(Needle, end + 1, StringComparison.Ordinal);
        }

        return new JsonIdLines(lines);
    }

    /// <summary>
    /// The line of the <paramref name="occurrence"/>-th (1-based) <c>"id"</c> whose value, as written in the file
    /// (JSON escapes kept), is <paramref name="rawValue"/>; 0 when there is no such occurrence.
    /// </summary>
    /// <param name="rawValue">The id as it appears between the quotes in the file.</param>
    /// <param name="occurrence">Which occurrence (1 = first).</param>
    public int LineOf(string rawValue, int occurrence = 1)
    {
        ArgumentNullException.ThrowIfNull(rawValue);
        ArgumentOutOfRangeException.ThrowIfLessThan(occurrence, 1);
        return _lines.TryGetValue(rawValue, out var found) && found.Count >= occurrence ? found[occurrence - 1] : 0;
    }

    /// <summary>The index of the closing quote of a JSON string whose text starts at <paramref name="start"/>, or -1.</summary>
    private static int EndOfString(string text, int start)
    {
        for (int i = start; i < text.Length; i++)
        {
            switch (text[i])
            {
                case '\\':
                    i++; // skip the escaped character
                    break;
                case '"':
                    return i;
                case '\n':
                    return -1; // a JSON string never spans lines
            }
        }

        return -1;
    }
}
