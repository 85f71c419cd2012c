using System.Globalization;
using System.Text;

namespace BenchmarkAgent.Items;

/// <summary>
/// Normalises a raw record id from a dataset before it enters a snapshot (issue 16): ids are untrusted text, so path
/// separators, control characters, bidirectional and other format characters (e.g. U+202E), lone surrogates and
/// <c>%</c> itself are percent-encoded as UTF-8 (<c>../a</c> becomes <c>..%2Fa</c>). The mapping is injective, leaves
/// ordinary ids unchanged, and caps the length so one id cannot bloat every item that cites it.
/// </summary>
internal static class RecordIds
{
    /// <summary>The longest normalised id kept; longer ones end in a hash of the whole id.</summary>
    public const int MaxLength = 128;

    /// <summary>Returns <paramref name="raw"/> with every unsafe character percent-encoded, at most <see cref="MaxLength"/> characters.</summary>
    public static string Normalise(string raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        if (IsSafe(raw))
        {
            return raw;
        }

        var builder = new StringBuilder(raw.Length + 16);
        for (int i = 0; i < raw.Length; i++)
        {
            char c = raw[i];
            if (char.IsSurrogatePair(raw, i))
            {
                string pair = raw.Substring(i, 2);
                if (CharUnicodeInfo.GetUnicodeCategory(pair, 0) is UnicodeCategory.Format or UnicodeCategory.PrivateUse)
                {
                    Encode(builder, pair);
                }
                else
                {
                    builder.Append(pair);
                }

                i++;
            }
            else if (IsUnsafe(c))
            {
                Encode(builder, c.ToString());
            }
            else
            {
                builder.Append(c);
            }
        }

        string text = builder.ToString();
        return text.Length <= MaxLength ? text : text[..(MaxLength - 17)] + "~" + StableHash.Hex(16, raw);
    }

    private static bool IsSafe(string raw) =>
        raw.Length <= MaxLength && !raw.Any(IsUnsafe);

    private static bool IsUnsafe(char c) =>
        c is '/' or '\\' or '%' || char.IsControl(c) || char.IsSurrogate(c) ||
        CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;

    private static void Encode(StringBuilder builder, string text)
    {
        // A lone surrogate cannot be UTF-8 encoded: it is written as the replacement code point's bytes plus its value.
        byte[] bytes = char.IsSurrogate(text[0]) && text.Length == 1
            ? Encoding.UTF8.GetBytes($"\uFFFD{(int)text[0]:X4}")
            : Encoding.UTF8.GetBytes(text);
        foreach (byte b in bytes)
        {
            builder.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
        }
    }
}
