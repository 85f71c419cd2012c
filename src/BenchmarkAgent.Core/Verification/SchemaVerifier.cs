using System.Globalization;

namespace BenchmarkAgent.Verification;

/// <summary>Checks the shape of a sample: a prompt, an answer of the declared type, well-formed choices.</summary>
internal sealed class SchemaVerifier : ISampleVerifier
{
    /// <inheritdoc />
    public string Name => "schema";

    /// <inheritdoc />
    public VerificationVerdict Verify(CandidateSample candidate, VerificationContext context)
    {
        var sample = candidate.Sample;
        if (string.IsNullOrWhiteSpace(sample.Prompt))
        {
            return VerificationVerdict.Fail(Name, "The prompt is empty.");
        }

        if (sample.Answer.Type != candidate.DeclaredAnswerType)
        {
            return VerificationVerdict.Fail(Name, $"The answer type {sample.Answer.Type} differs from the family's {candidate.DeclaredAnswerType}.");
        }

        if (string.IsNullOrWhiteSpace(sample.Answer.Value))
        {
            return VerificationVerdict.Fail(Name, "The answer is empty.");
        }

        switch (sample.Answer.Type)
        {
            case AnswerType.Number when !decimal.TryParse(sample.Answer.Value, NumberStyles.Number, CultureInfo.InvariantCulture, out _):
                return VerificationVerdict.Fail(Name, $"The numeric answer '{sample.Answer.Value}' is not a number.");
            case AnswerType.Constraint when !Constraints.ConstraintSpec.TryParse(sample.Answer.Value, out _, out string error):
                return VerificationVerdict.Fail(Name, $"The constraint spec is invalid: {error}.");
            case AnswerType.Choice:
                if (sample.Choices.Count < 2)
                {
                    return VerificationVerdict.Fail(Name, "A choice item needs at least two options.");
                }

                if (sample.Answer.Value.Length != 1 || sample.Answer.Value[0] - 'A' is var index && (index < 0 || index >= sample.Choices.Count))
                {
                    return VerificationVerdict.Fail(Name, $"The answer '{sample.Answer.Value}' is not one of the {sample.Choices.Count} option letters.");
                }

                if (sample.Choices.Distinct(StringComparer.OrdinalIgnoreCase).Count() != sample.Choices.Count)
                {
                    return VerificationVerdict.Fail(Name, "Two options have the same text, so the correct one is not unique.");
                }

                break;
        }

        return VerificationVerdict.Pass(Name);
    }
}
