namespace BenchmarkAgent.Models;

/// <summary>The tokens a role's endpoint reported for the calls it answered (cache hits cost nothing and are not counted).</summary>
/// <param name="Role">The role.</param>
/// <param name="Calls">How many calls the endpoint answered.</param>
/// <param name="InputTokens">The prompt tokens reported.</param>
/// <param name="OutputTokens">The completion tokens reported.</param>
internal sealed record ModelUsage(ModelRole Role, long Calls, long InputTokens, long OutputTokens)
{
    /// <summary>Input and output tokens together.</summary>
    public long TotalTokens => InputTokens + OutputTokens;
}
