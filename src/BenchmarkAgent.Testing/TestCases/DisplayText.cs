using System.Globalization;
using System.Text;

namespace BenchmarkAgent.Testing.TestCases;

/// <summary>
/// Escapes snapshot text (item ids, benchmark and subtask names) for test names and output: control, bidirectional and
/// other format characters are shown as <c>\u202E</c>-style escapes, so an id cannot reorder or hide what a terminal,
/// a log or a test explorer shows (issue 16). Ordinary text is returned unchanged.
/// </summary>
internal static class DisplayText
{
    /// <summary>Returns <paramref name="text"/> with every control, format or separator character escaped as <c>\uXXXX</c>.</summary>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!text.Any(NeedsEscape))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 16);
        foreach (char c in text)
        {
            if (NeedsEscape(c))
            {
                builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private static bool NeedsEscape(char c) =>
        char.IsControl(c) ||
        CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;
}
