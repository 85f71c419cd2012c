using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace BenchmarkAgent.Testing.Scoring;

/// <summary>Text helpers shared by the scorers: markdown stripping, answer markers and normalisation.</summary>
internal static partial class AnswerText
{
    /// <summary>Removes markdown emphasis and code marks and trims.</summary>
    public static string StripMarkdown(string text) =>
        MarkdownPattern().Replace(text, string.Empty).Trim();

    /// <summary>Returns the text after the last answer marker ("Answer:", "The answer is", "Final answer:") up to the end of its line, or null.</summary>
    public static string? AfterLastMarker(string text)
    {
        var matches = MarkerPattern().Matches(text);
        if (matches.Count == 0)
        {
            return null;
        }

        var last = matches[^1];
        string rest = text[(last.Index + last.Length)..];
        int newline = rest.IndexOf('\n');
        return (newline >= 0 ? rest[..newline] : rest).Trim();
    }

    /// <summary>Returns the index just after the last answer marker, or -1.</summary>
    public static int EndOfLastMarker(string text)
    {
        var matches = MarkerPattern().Matches(text);
        return matches.Count == 0 ? -1 : matches[^1].Index + matches[^1].Length;
    }

    /// <summary>Returns the last non-empty line, trimmed, or the empty string.</summary>
    public static string LastLine(string text)
    {
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return lines.Length == 0 ? string.Empty : lines[^1];
    }

    /// <summary>
    /// Normalises a short answer: Unicode compatibility form, lower case, no leading answer marker, dashes and
    /// slashes as spaces, other punctuation and symbols removed, articles (a, an, the) removed, whitespace collapsed.
    /// </summary>
    public static string Normalize(string text, bool stripMarker)
    {
        string value = StripMarkdown(text.Normalize(NormalizationForm.FormKC)).ToLowerInvariant();
        if (stripMarker)
        {
            value = LeadingMarkerPattern().Replace(value, string.Empty);
        }

        var builder = new StringBuilder(value.Length);
        foreach (char c in value)
        {
            if (c is '-' or '/' or '_' or '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' || char.IsWhiteSpace(c))
            {
                builder.Append(' ');
            }
            else if (char.IsPunctuation(c) || char.IsSymbol(c))
            {
                continue;
            }
            else
            {
                builder.Append(c);
            }
        }

        var words = builder.ToString()
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Where(w => w is not ("a" or "an" or "the"));
        return string.Join(' ', words);
    }

    /// <summary>Formats a double for explanations in invariant culture.</summary>
    public static string Invariant(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Shortens a response for an explanation.</summary>
    public static string Excerpt(string text, int max = 60)
    {
        string flat = text.ReplaceLineEndings(" ").Trim();
        return flat.Length <= max ? flat : string.Concat(flat.AsSpan(0, max - 3), "...");
    }

    [GeneratedRegex(@"\*\*|__|`|(?<![\w])\*(?=\S)|(?<=\S)\*(?![\w])|^#+\s*", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex MarkdownPattern();

    [GeneratedRegex(@"(?:final\s+answer|answer)\s*(?:is\b)?\s*[:=]?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MarkerPattern();

    [GeneratedRegex(@"^\s*(?:the\s+)?(?:final\s+answer|answer)\s*(?:is\b)?\s*[:=]?\s*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LeadingMarkerPattern();
}
