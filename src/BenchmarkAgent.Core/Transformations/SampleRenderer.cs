using System.Text;
using BenchmarkAgent.Grounding;

namespace BenchmarkAgent.Transformations;

/// <summary>Renders a transformed record as a prompt: stem, option lines, answer-format instruction.</summary>
internal static class SampleRenderer
{
    /// <summary>The instruction used when no <see cref="AnswerFormatConstraint"/> set one.</summary>
    public static string DefaultInstruction(AnswerType type) => type switch
    {
        AnswerType.Number => "Give the final answer as a number.",
        AnswerType.Choice => "Answer with the letter of the correct option.",
        AnswerType.FreeText => "Answer in a few complete sentences.",
        _ => "Answer with a short phrase.",
    };

    /// <summary>Renders <paramref name="transformed"/>; null when its answer cannot be read.</summary>
    public static TransformedSample? Render(TransformedRecord transformed, IReadOnlyList<string> chain)
    {
        var record = transformed.Record;
        string instruction = record.Field(SampleFields.Instruction) ?? DefaultInstruction(transformed.Type);
        var builder = new StringBuilder(record.Input.Length + 200);
        string? context = SampleFields.ContextNames.Select(record.Field).FirstOrDefault(c => !string.IsNullOrWhiteSpace(c))?.Trim();
        if (context is not null)
        {
            builder.Append("Context:\n").Append(context).Append("\n\nQuestion: ");
        }

        ExpectedAnswer answer;
        IReadOnlyList<string> choices = [];
        switch (transformed.Type)
        {
            case AnswerType.Number:
                if (!AnswerInference.TryParseNumber(AnswerInference.FinalAnswer(record.Output), out decimal number))
                {
                    return null;
                }

                answer = ExpectedAnswer.Number(number);
                builder.Append(record.Input.Trim());
                break;
            case AnswerType.Choice:
                if (ChoiceOptions.Read(record) is not { } read)
                {
                    return null;
                }

                answer = ExpectedAnswer.Choice(read.Correct);
                choices = read.Options;
                builder.Append(read.Stem.Trim()).Append("\n\n");
                for (int i = 0; i < read.Options.Count; i++)
                {
                    builder.Append(ChoiceOptions.Letter(i)).Append(") ").Append(read.Options[i]).Append('\n');
                }

                break;
            default:
                string text = AnswerInference.FinalAnswer(record.Output);
                if (text.Length == 0)
                {
                    return null;
                }

                answer = transformed.Type == AnswerType.FreeText ? ExpectedAnswer.FreeText(text) : ExpectedAnswer.Text(text);
                builder.Append(record.Input.Trim());
                break;
        }

        builder.Append(transformed.Type == AnswerType.Choice ? "\n" : "\n\n").Append(instruction);
        return new TransformedSample(builder.ToString(), answer, choices, chain) { Solution = record.Field(SampleFields.Solution), Context = context };
    }
}
