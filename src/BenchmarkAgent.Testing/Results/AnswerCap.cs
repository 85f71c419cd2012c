using System.Globalization;

namespace BenchmarkAgent.Testing.Results;

/// <summary>
/// Caps the answer text that is stored in reports and printed in test output (issue 16, finding 10: one 50 MB answer
/// made a 419 MB report). Scoring still sees the whole answer; only what is kept is cut, and the cut is visible.
/// </summary>
internal static class AnswerCap
{
    /// <summary>The default cap, in characters (<c>BENCHAGENT_MAX_ANSWER_CHARS</c> changes it).</summary>
    public const int DefaultMaxChars = 16_384;

    /// <summary>The largest accepted cap.</summary>
    public const int MaxMaxChars = 100_000_000;

    /// <summary>Returns <paramref name="text"/>, or its first <paramref name="maxChars"/> characters followed by a visible truncation note.</summary>
    public static string Apply(string text, int maxChars)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length <= maxChars)
        {
            return text;
        }

        // Never split a surrogate pair: the kept text stays valid UTF-16 (and valid JSON once escaped).
        int keep = maxChars > 0 && char.IsHighSurrogate(text[maxChars - 1]) ? maxChars - 1 : maxChars;
        return text[..keep] + string.Format(CultureInfo.InvariantCulture, " [... answer truncated: {0:N0} of {1:N0} characters kept (BENCHAGENT_MAX_ANSWER_CHARS)]", keep, text.Length);
    }
}
