using System.Text;

namespace BenchmarkAgent.Grounding;

/// <summary>One CSV row with the 1-based line it starts on.</summary>
/// <param name="Line">The line the row starts on.</param>
/// <param name="Cells">The unquoted cell values.</param>
internal sealed record CsvRow(int Line, IReadOnlyList<string> Cells);

/// <summary>
/// A small RFC 4180 parser: comma- (or tab-) separated cells, double-quoted cells that may hold commas, line
/// breaks and doubled quotes (<c>""</c>), CRLF or LF row ends.
/// </summary>
internal static class CsvParser
{
    /// <summary>Parses <paramref name="text"/> into rows; throws <see cref="DatasetFormatException"/> on a malformed quote.</summary>
    /// <param name="text">The file's text.</param>
    /// <param name="file">The file, for error locations.</param>
    /// <param name="delimiter">The cell separator: ',' for CSV, '\t' for TSV.</param>
    public static IReadOnlyList<CsvRow> Parse(string text, string file, char delimiter = ',')
    {
        var rows = new List<CsvRow>();
        var cells = new List<string>();
        var cell = new StringBuilder();
        int line = 1, rowStart = 1, quoteStart = 0;
        bool inQuotes = false, wasQuoted = false, rowHasContent = false;
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (inQuotes)
            {
                if (c == '"')
                {
                    if (i + 1 < text.Length && text[i + 1] == '"')
                    {
                        cell.Append('"');
                        i += 2;
                        continue;
                    }

                    inQuotes = false;
                    i++;
                    continue;
                }

                if (c == '\n')
                {
                    line++;
                }

                cell.Append(c);
                i++;
                continue;
            }

            switch (c)
            {
                case '"':
                    if (cell.Length > 0 || wasQuoted)
                    {
                        throw new DatasetFormatException(file, line, "a quote appears inside an unquoted cell; wrap the whole cell in quotes and double every quote inside it (\"\")");
                    }

                    inQuotes = true;
                    wasQuoted = true;
                    quoteStart = line;
                    rowHasContent = true;
                    i++;
                    break;
                case var d when d == delimiter:
                    cells.Add(cell.ToString());
                    cell.Clear();
                    wasQuoted = false;
                    rowHasContent = true;
                    i++;
                    break;
                case '\r' or '\n':
                    if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                    {
                        i++;
                    }

                    i++;
                    if (rowHasContent || cell.Length > 0)
                    {
                        cells.Add(cell.ToString());
                        rows.Add(new CsvRow(rowStart, cells.ToArray()));
                    }

                    cells.Clear();
                    cell.Clear();
                    wasQuoted = false;
                    rowHasContent = false;
                    line++;
                    rowStart = line;
                    break;
                default:
                    if (wasQuoted)
                    {
                        throw new DatasetFormatException(file, line, "text follows a closing quote; put a comma after the quoted cell or double the quote (\"\")");
                    }

                    cell.Append(c);
                    rowHasContent = true;
                    i++;
                    break;
            }
        }

        if (inQuotes)
        {
            throw new DatasetFormatException(file, quoteStart, "a quoted cell is never closed; add the closing quote");
        }

        if (rowHasContent || cell.Length > 0)
        {
            cells.Add(cell.ToString());
            rows.Add(new CsvRow(rowStart, cells.ToArray()));
        }

        return rows;
    }
}
