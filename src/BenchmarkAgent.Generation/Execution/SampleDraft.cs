using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using BenchmarkAgent.Families;

namespace BenchmarkAgent.Generation.Execution;

/// <summary>
/// A sample under construction, as its parts (question, context, choices, answer), so a packaging fix can change one
/// part and render again. Immutable: a step that fails leaves the previous draft as it was (rollback).
/// </summary>
/// <param name="Question">The question or instruction.</param>
/// <param name="Context">The passage, or null.</param>
/// <param name="Choices">The options; empty unless the answer type is choice.</param>
/// <param name="Answer">The reference answer text, before it is parsed for its type.</param>
/// <param name="Type">The answer type.</param>
internal sealed record SampleDraft(string Question, string? Context, IReadOnlyList<string> Choices, string Answer, AnswerType Type)
{
    /// <summary>Reads a model's draft for a subtask whose inputs are <paramref name="inputs"/>; returns the problem instead when it is unusable.</summary>
    public static (SampleDraft? Draft, string? Problem) From(DraftReply reply, AnswerType type, IReadOnlyList<string> inputs)
    {
        ArgumentNullException.ThrowIfNull(reply);
        string question = (reply.Question ?? string.Empty).Trim();
        string? context = string.IsNullOrWhiteSpace(reply.Context) ? null : reply.Context.Trim();
        var choices = (reply.Choices ?? []).Select(c => (c ?? string.Empty).Trim()).Where(c => c.Length > 0).ToList();
        if (question.Length == 0)
        {
            return (null, "the question is empty.");
        }

        if (inputs.Contains("context") && context is null)
        {
            return (null, "the sample schema needs a context, and the context is empty.");
        }

        if (!inputs.Contains("context"))
        {
            context = null;
        }

        if (type == AnswerType.Choice && (choices.Count < 2 || choices.Count > 6))
        {
            return (null, $"a choice item needs 2 to 6 options, not {choices.Count}.");
        }

        var draft = new SampleDraft(question, context, type == AnswerType.Choice ? choices : [], (reply.Answer ?? string.Empty).Trim(), type);
        return draft.ToSample() is (null, var problem) ? (null, problem) : (draft, null);
    }

    /// <summary>Renders the prompt and parses the answer for its type; returns the problem instead when the answer does not fit.</summary>
    public (FamilySample? Sample, string? Problem) ToSample()
    {
        if (Answer.Length == 0)
        {
            return (null, "the answer is empty.");
        }

        ExpectedAnswer answer;
        switch (Type)
        {
            case AnswerType.Number:
                if (!decimal.TryParse(Answer, NumberStyles.Number, CultureInfo.InvariantCulture, out decimal number))
                {
                    return (null, $"the answer '{Clip(Answer)}' is not a number.");
                }

                answer = ExpectedAnswer.Number(number);
                break;
            case AnswerType.Choice:
                if (Answer.Length != 1 || Answer[0] - 'A' is var index && (index < 0 || index >= Choices.Count))
                {
                    return (null, $"the answer '{Clip(Answer)}' is not one of the option letters A to {(char)('A' + Choices.Count - 1)}.");
                }

                answer = ExpectedAnswer.Choice(Answer[0] - 'A');
                break;
            case AnswerType.Pattern:
                try
                {
                    _ = new Regex(Answer, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
                }
                catch (ArgumentException)
                {
                    return (null, "the answer is not a valid .NET regular expression.");
                }

                answer = ExpectedAnswer.Pattern(Answer);
                break;
            case AnswerType.FreeText:
                answer = ExpectedAnswer.FreeText(Answer);
                break;
            case AnswerType.ShortText:
                if (Answer.Length > 200)
                {
                    return (null, "a short-text answer must be at most 200 characters.");
                }

                answer = ExpectedAnswer.Text(Answer);
                break;
            default:
                return (null, $"the answer type {Type} cannot be drafted by the model.");
        }

        return (new FamilySample(Render(), answer, Choices), null);
    }

    /// <summary>The prompt: the context (when there is one), the question, the options and the answer-format line.</summary>
    public string Render()
    {
        var text = new StringBuilder();
        if (Context is not null)
        {
            text.Append("Context:\n").Append(Context).Append("\n\n");
        }

        text.Append(Question);
        for (int i = 0; i < Choices.Count; i++)
        {
            text.Append('\n').Append((char)('A' + i)).Append(". ").Append(Choices[i]);
        }

        string instruction = Instruction(Type);
        if (!Question.Contains(instruction, StringComparison.OrdinalIgnoreCase))
        {
            text.Append("\n\n").Append(instruction);
        }

        return text.ToString();
    }

    /// <summary>The answer-format line of an answer type.</summary>
    public static string Instruction(AnswerType type) => type switch
    {
        AnswerType.Number => "Answer with the number only.",
        AnswerType.Choice => "Answer with the letter of the correct option only.",
        AnswerType.ShortText => "Answer with a short phrase only.",
        AnswerType.FreeText => "Answer in a few sentences.",
        _ => "Answer concisely.",
    };

    private static string Clip(string text) => text.Length > 40 ? text[..40] + "..." : text;
}
