namespace BenchmarkAgent.Snapshots;

/// <summary>
/// Finds git merge-conflict markers (<c>&lt;&lt;&lt;&lt;&lt;&lt;&lt;</c>, <c>=======</c>, <c>&gt;&gt;&gt;&gt;&gt;&gt;&gt;</c>,
/// <c>|||||||</c>) in a committed file, so a reader can name the line instead of reporting invalid JSON.
/// </summary>
internal static class ConflictMarkers
{
    /// <summary>The 1-based line of the first merge-conflict marker line, or <see langword="null"/> when there is none.</summary>
    /// <param name="text">The file's text.</param>
    public static int? FirstLine(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        int line = 1;
        int start = 0;
        while (start <= text.Length)
        {
            int end = text.IndexOf('\n', start);
            var current = text.AsSpan(start, (end < 0 ? text.Length : end) - start).TrimEnd('\r');
            if (current.StartsWith("<<<<<<< ") || current.StartsWith(">>>>>>> ") || current.StartsWith("||||||| ") ||
                current is "<<<<<<<" or ">>>>>>>" or "=======")
            {
                return line;
            }

            if (end < 0)
            {
                return null;
            }

            start = end + 1;
            line++;
        }

        return null;
    }
}
