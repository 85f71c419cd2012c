using System.Globalization;
using System.Net;
using System.Text;

namespace BenchmarkAgent.Testing.Reports;

/// <summary>Encoding and number formatting for the HTML report: every text that reaches the page goes through here.</summary>
internal static class HtmlText
{
    /// <summary>The longest answer or reason shown in a table cell; the full text stays in the embedded JSON.</summary>
    public const int MaxCellLength = 400;

    /// <summary>HTML-encodes text for element content and quoted attribute values (&lt; &gt; &amp; " ').</summary>
    public static string Encode(string? text) => WebUtility.HtmlEncode(text ?? string.Empty);

    /// <summary>Encodes text cut to <paramref name="maxLength"/> characters (with an ellipsis when cut).</summary>
    public static string EncodeShort(string? text, int maxLength = MaxCellLength)
    {
        text ??= string.Empty;
        return Encode(text.Length <= maxLength ? text : string.Concat(text.AsSpan(0, maxLength), "…"));
    }

    /// <summary>A coordinate or plain number with at most two decimals, invariant culture.</summary>
    public static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>A rate from 0 to 1 as a percentage with one decimal, e.g. <c>62.5%</c>.</summary>
    public static string Percent(double rate) => (rate * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    /// <summary>
    /// Makes JSON safe inside a <c>&lt;script type="application/json"&gt;</c> block: <c>&lt;</c>, <c>&gt;</c> and
    /// <c>&amp;</c> become <c>\u003c</c>, <c>\u003e</c>, <c>\u0026</c>, so neither <c>&lt;/script</c> nor
    /// <c>&lt;!--</c> can occur and untrusted strings cannot end the block. Valid JSON stays valid: these characters
    /// can only appear inside JSON strings, where the escapes mean the same characters.
    /// </summary>
    public static string EscapeJsonForScript(string json)
    {
        var escaped = new StringBuilder(json.Length);
        foreach (char c in json)
        {
            switch (c)
            {
                case '<': escaped.Append("\\u003c"); break;
                case '>': escaped.Append("\\u003e"); break;
                case '&': escaped.Append("\\u0026"); break;
                case '\u2028': escaped.Append("\\u2028"); break;
                case '\u2029': escaped.Append("\\u2029"); break;
                default: escaped.Append(c); break;
            }
        }

        return escaped.ToString();
    }
}
