using System.Text.RegularExpressions;

namespace BenchmarkAgent.Verification;

/// <summary>Rejects prompts that state their own answer, e.g. "... the answer is 42".</summary>
internal sealed partial class LeakageVerifier : ISampleVerifier
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
            if (StartsWithAnswer(match.Groups["value"].Value.Trim(), answer))
            {
                return VerificationVerdict.Fail(Name, $"The prompt states its own answer: \"{match.Value.Trim()}\".");
            }
        }

        return VerificationVerdict.Pass(Name);
    }

    /// <summary>
    /// True when <paramref name="stated"/> begins with <paramref name="answer"/> as a whole token, so
    /// "42. What is 6 times 7?" states 42 but "420" and "42.5" do not.
    /// </summary>
    private static bool StartsWithAnswer(string stated, string answer)
    {
        if (answer.Length == 0 || !stated.StartsWith(answer, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        string rest = stated[answer.Length..];
        return rest.Length == 0 ||
               (!char.IsLetterOrDigit(rest[0]) && !(rest.Length > 1 && rest[0] is '.' or ',' && char.IsDigit(rest[1])));
    }

    [GeneratedRegex(@"\b(?:answer|solution)(?:\s+is\b|\s*[=:])\s*(?<value>[^\n]{1,80})", RegexOptions.IgnoreCase)]
    private static partial Regex AnswerStatement();
}
