using System.Text.RegularExpressions;

namespace BenchmarkAgent.Verification;

/// <summary>Rejects prompts that state their own answer, e.g. "... the answer is 42".</summary>
public sealed partial class LeakageVerifier : ISampleVerifier
{
    /// <inheritdoc />
    public string Name => "leakage";

    /// <inheritdoc />
    public VerificationVerdict Verify(CandidateSample candidate, VerificationContext context)
    {
        string answer = candidate.Sample.Answer.Type == AnswerType.Choice
            ? candidate.Sample.Choices[candidate.Sample.Answer.Value[0] - 'A']
            : candidate.Sample.Answer.Value;
        foreach (Match match in AnswerStatement().Matches(candidate.Sample.Prompt))
        {
            if (match.Groups["value"].Value.Trim().TrimEnd('.').Equals(answer, StringComparison.OrdinalIgnoreCase))
            {
                return VerificationVerdict.Fail(Name, $"The prompt states its own answer: \"{match.Value.Trim()}\".");
            }
        }

        return VerificationVerdict.Pass(Name);
    }

    [GeneratedRegex(@"(?:answer|solution)\s+(?:is|=|:)\s*(?<value>[^\n]{1,80})", RegexOptions.IgnoreCase)]
    private static partial Regex AnswerStatement();
}
