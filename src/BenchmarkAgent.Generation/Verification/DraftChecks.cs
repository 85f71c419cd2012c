using System.Text.RegularExpressions;
using BenchmarkAgent.Generation.Execution;

namespace BenchmarkAgent.Generation.Verification;

/// <summary>
/// Code checks of a model-written draft that need no model, run with the offline checks before the inspector:
/// answerability (a sample whose schema needs a context must not carry its answer in the question, or it is solvable
/// without the context) and lopsided distractors (the correct option much longer than every other). Pure.
/// </summary>
internal static class DraftChecks
{
    /// <summary>How many times longer than the longest distractor the correct option may be.</summary>
    public const double MaxLengthRatio = 2.5;

    /// <summary>The failed check and why, or null when the draft passes.</summary>
    public static (string Check, string Message)? Problem(SampleDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        if (draft.Context is not null && draft.Type is AnswerType.ShortText or AnswerType.Number && draft.Answer.Length >= 2 &&
            Regex.IsMatch(draft.Question, $@"(?<![\w]){Regex.Escape(draft.Answer)}(?![\w])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)))
        {
            return ("answerability", "the question states the answer, so the item is solvable without its context.");
        }

        if (draft.Type == AnswerType.Choice && draft.Choices.Count >= 2 && draft.Answer.Length == 1 && draft.Answer[0] - 'A' is var index && index >= 0 && index < draft.Choices.Count)
        {
            int correct = draft.Choices[index].Length;
            int longestOther = draft.Choices.Where((_, i) => i != index).Max(c => c.Length);
            if (correct > 12 && correct > MaxLengthRatio * Math.Max(1, longestOther))
            {
                return ("leakage", "the correct option is much longer than every distractor (lopsided distractors).");
            }
        }

        return null;
    }
}
