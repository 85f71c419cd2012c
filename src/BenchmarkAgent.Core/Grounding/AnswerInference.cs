using System.Globalization;
using System.Text.RegularExpressions;

namespace BenchmarkAgent.Grounding;

/// <summary>Reads final answers out of reference outputs and infers a dataset's <see cref="AnswerType"/>.</summary>
internal static partial class AnswerInference
{
    /// <summary>The share of outputs that must agree on a type for the dataset to get it.</summary>
    public const double Agreement = 0.9;

    /// <summary>
    /// The final answer of an output: the text after the last <c>#### </c> marker (GSM8K style),
    /// otherwise the whole output, trimmed.
    /// </summary>
    public static string FinalAnswer(string output)
    {
        ArgumentNullException.ThrowIfNull(output);
        int marker = output.LastIndexOf("####", StringComparison.Ordinal);
        return (marker >= 0 ? output[(marker + 4)..] : output).Trim();
    }

    /// <summary>Parses a numeric answer such as "18", "1,200", "$5" or "-2.5".</summary>
    public static bool TryParseNumber(string text, out decimal value)
    {
        ArgumentNullException.ThrowIfNull(text);
        value = 0;
        var match = NumberText().Match(text.Trim());
        return match.Success
            && decimal.TryParse(match.Groups[1].Value.Replace(",", string.Empty, StringComparison.Ordinal), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>Parses a choice answer: one letter A-E, optionally as "(B)" or "B)". Returns the zero-based index, or -1.</summary>
    public static int ParseChoice(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var match = ChoiceText().Match(text.Trim());
        return match.Success ? match.Groups[1].Value[0] - 'A' : -1;
    }

    /// <summary>The fewest words a final answer needs to count as long-form (with <see cref="LongFormSentences"/> sentences).</summary>
    public const int LongFormWords = 12;

    /// <summary>The fewest sentences a final answer needs to count as long-form.</summary>
    public const int LongFormSentences = 2;

    /// <summary>Whether a final answer is long-form prose: at least <see cref="LongFormSentences"/> sentences and <see cref="LongFormWords"/> words.</summary>
    public static bool IsLongForm(string answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        int words = answer.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;
        return words >= LongFormWords && SentenceEnd().Matches(answer.Trim() + " ").Count >= LongFormSentences;
    }

    /// <summary>Infers the answer type of a set of outputs: numbers, letters A-E, long-form prose, or short text.</summary>
    public static AnswerType InferType(IEnumerable<string> outputs)
    {
        ArgumentNullException.ThrowIfNull(outputs);
        int total = 0, numbers = 0, letters = 0, longForm = 0;
        foreach (string output in outputs)
        {
            string answer = FinalAnswer(output);
            total++;
            if (TryParseNumber(answer, out _))
            {
                numbers++;
            }
            else if (ParseChoice(answer) >= 0)
            {
                letters++;
            }
            else if (IsLongForm(answer))
            {
                longForm++;
            }
        }

        if (total == 0)
        {
            return AnswerType.ShortText;
        }

        if (numbers >= Agreement * total)
        {
            return AnswerType.Number;
        }

        if (letters >= Agreement * total)
        {
            return AnswerType.Choice;
        }

        return longForm >= Agreement * total ? AnswerType.FreeText : AnswerType.ShortText;
    }

    [GeneratedRegex(@"[.!?](?=\s)", RegexOptions.CultureInvariant)]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"^\$?\s*(-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)$", RegexOptions.CultureInvariant)]
    private static partial Regex NumberText();

    [GeneratedRegex(@"^\(?([A-E])\)?\.?$", RegexOptions.CultureInvariant)]
    private static partial Regex ChoiceText();
}
