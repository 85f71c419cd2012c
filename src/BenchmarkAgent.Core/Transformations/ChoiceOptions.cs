using System.Text.RegularExpressions;
using BenchmarkAgent.Grounding;

namespace BenchmarkAgent.Transformations;

/// <summary>Reads the options and the correct index of a multiple-choice record.</summary>
internal static partial class ChoiceOptions
{
    /// <summary>
    /// Splits a choice record into its stem, its options (from the choices field, or from "A) ..." lines
    /// in the input) and the correct index (from a letter or an option text in the output); null when it has no usable options.
    /// </summary>
    public static (string Stem, List<string> Options, int Correct)? Read(DatasetRecord record)
    {
        string stem = record.Input;
        List<string> options;
        if (record.Field(SampleFields.Choices) is { } choices)
        {
            options = choices.Split('\n').Select(o => o.Trim()).Where(o => o.Length > 0).ToList();
        }
        else
        {
            var matches = OptionLine().Matches(record.Input);
            options = matches.Select(m => m.Groups[2].Value.Trim()).ToList();
            stem = OptionLine().Replace(record.Input, string.Empty).Trim();
        }

        if (options.Count < 2 || options.Count > 26 || options.Distinct(StringComparer.Ordinal).Count() != options.Count)
        {
            return null;
        }

        string answer = AnswerInference.FinalAnswer(record.Output);
        int correct = LetterIndex(answer);
        if (correct < 0)
        {
            correct = options.IndexOf(answer);
        }

        return correct >= 0 && correct < options.Count ? (stem, options, correct) : null;
    }

    /// <summary>The zero-based index of an option letter A-Z, optionally as "(F)", "F)" or "F."; -1 when the text is not one.</summary>
    public static int LetterIndex(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var match = LetterText().Match(text.Trim());
        return match.Success ? match.Groups[1].Value[0] - 'A' : -1;
    }

    /// <summary>The letter of a zero-based option index.</summary>
    public static string Letter(int index) => ((char)('A' + index)).ToString();

    [GeneratedRegex(@"^\s*\(?([A-Z])[).:]\s+(.+?)\s*$", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex OptionLine();

    [GeneratedRegex(@"^\(?([A-Z])\)?\.?$", RegexOptions.CultureInvariant)]
    private static partial Regex LetterText();
}
