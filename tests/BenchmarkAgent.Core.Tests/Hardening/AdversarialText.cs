using System.Text;

namespace BenchmarkAgent.Core.Tests.Hardening;

/// <summary>
/// Hostile text shapes for timing properties: long runs of one letter (bare, or followed by a digit or an
/// apostrophe so a word match must give up at the end), huge single tokens, mixed scripts, control characters,
/// many short words, sentence storms and annotation storms.
/// </summary>
internal static class AdversarialText
{
    /// <summary>Every shape at about <paramref name="length"/> characters, with a name for the failure message.</summary>
    public static IEnumerable<(string Name, string Text)> Shapes(int length)
    {
        yield return ("run-of-a", new string('a', length));
        yield return ("run-of-a-then-digit", new string('a', length) + "1");
        yield return ("run-of-a-then-apostrophe", new string('a', length) + "'");
        yield return ("apostrophe-then-run", "'" + new string('b', length));
        yield return ("run-of-digits", new string('7', length));
        yield return ("run-of-spaces", "x" + new string(' ', length) + "y");
        yield return ("huge-token", Repeat("a1B2_c3", length));
        yield return ("mixed-scripts", Repeat("abc\u0436\u0434\u4e2d\u6587\u0639\u0631\ud83d\ude00\u202e", length));
        yield return ("control-chars", Repeat("ab\0\u0001\u001b[31m\r\n\t", length));
        yield return ("many-words", Repeat("lorem ipsumdolor 12 ", length));
        yield return ("sentences", Repeat("Yes. A ", length));
        yield return ("question-marks", Repeat("?", length));
        yield return ("annotations", Repeat("<<1+2=3>>3 ", length));
        yield return ("open-annotations", Repeat("<<1+", length));
        yield return ("hashes", Repeat("#### ", length));
        yield return ("answer-is", Repeat("the answer is ", length));
        yield return ("nested-parens", new string('(', length / 2) + "1" + new string(')', length / 2));
        yield return ("nested-annotation", "<<" + new string('(', length / 2) + "1" + new string(')', length / 2) + "=1>>");
        yield return ("huge-number-annotation", "<<" + new string('9', length) + "+1=2>>2");
        yield return ("numbers-and-ops", Repeat("1+", length) + "1");
        yield return ("choice-lines", Repeat("A) x\n", length));
    }

    private static string Repeat(string unit, int length)
    {
        var builder = new StringBuilder(length + unit.Length);
        while (builder.Length < length)
        {
            builder.Append(unit);
        }

        return builder.ToString();
    }
}
