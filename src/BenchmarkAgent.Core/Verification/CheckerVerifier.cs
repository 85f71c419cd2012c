using BenchmarkAgent.Transformations;

namespace BenchmarkAgent.Verification;

/// <summary>
/// Answerability: the family's independent checker must re-derive the stored answer. A dataset sample has no
/// family: when its numbers were re-templated, every calculator annotation of its solution is re-evaluated and
/// the last result must be the answer; otherwise the dataset's own reference answer stands.
/// </summary>
internal sealed class CheckerVerifier : ISampleVerifier
{
    /// <inheritdoc />
    public string Name => "checker";

    /// <inheritdoc />
    public VerificationVerdict Verify(CandidateSample candidate, VerificationContext context)
    {
        if (candidate.Family is { } family)
        {
            var result = family.Check(candidate.Sample);
            return result.Agrees ? VerificationVerdict.Pass(Name) : VerificationVerdict.Fail(Name, result.Detail);
        }

        return candidate.Solution is { } solution ? CheckSolution(candidate, solution) : VerificationVerdict.Pass(Name);
    }

    private VerificationVerdict CheckSolution(CandidateSample candidate, string solution)
    {
        var annotations = NumericRetemplating.Annotations(solution);
        if (annotations.Count == 0)
        {
            return VerificationVerdict.Fail(Name, "The re-templated solution has no calculator annotation to re-evaluate.");
        }

        foreach (var (expression, stated) in annotations)
        {
            if (!ArithmeticEvaluator.TryEvaluate(expression, out decimal value, out string error))
            {
                return VerificationVerdict.Fail(Name, $"The solution step '{expression}' cannot be evaluated: {error}");
            }

            if (ExpectedAnswer.FormatNumber(value) != stated)
            {
                return VerificationVerdict.Fail(Name, $"The solution step '{expression}' is {ExpectedAnswer.FormatNumber(value)}, not {stated}.");
            }
        }

        var sample = candidate.Sample;
        string answer = sample.Answer.Type == AnswerType.Choice && sample.Answer.Value.Length == 1 && sample.Answer.Value[0] - 'A' is var index && index >= 0 && index < sample.Choices.Count
            ? sample.Choices[index]
            : sample.Answer.Value;
        string derived = annotations[^1].Result;
        return derived == answer
            ? VerificationVerdict.Pass(Name)
            : VerificationVerdict.Fail(Name, $"The re-evaluated solution gives {derived}, but the stored answer is {answer}.");
    }
}
