using Microsoft.Extensions.AI;

namespace BenchmarkAgent.Testing.Results;

/// <summary>Tokens a model call used, as the endpoint reported them (the prompt's and the answer's).</summary>
/// <param name="InputTokens">Tokens of the prompt.</param>
/// <param name="OutputTokens">Tokens of the answer.</param>
internal sealed record TokenCounts(long InputTokens, long OutputTokens)
{
    /// <summary>Input and output tokens together.</summary>
    public long TotalTokens => InputTokens + OutputTokens;

    /// <summary>"input / output" with thousands separators, as the reports show it (e.g. <c>1,234 / 56</c>).</summary>
    public string InputOutputText() =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{InputTokens:N0} / {OutputTokens:N0}");

    /// <summary>The counts of a response's usage, or <see langword="null"/> when the endpoint reported none.</summary>
    /// <param name="usage">The response's usage.</param>
    public static TokenCounts? From(UsageDetails? usage) =>
        usage is { InputTokenCount: null, OutputTokenCount: null } or null
            ? null
            : new TokenCounts(usage.InputTokenCount ?? 0, usage.OutputTokenCount ?? 0);

    /// <summary>The sum of the reported counts, or <see langword="null"/> when none was reported.</summary>
    /// <param name="counts">Counts, some possibly missing.</param>
    public static TokenCounts? Sum(IEnumerable<TokenCounts?> counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        TokenCounts? total = null;
        foreach (var count in counts.OfType<TokenCounts>())
        {
            total = total is null ? count : new TokenCounts(total.InputTokens + count.InputTokens, total.OutputTokens + count.OutputTokens);
        }

        return total;
    }
}
