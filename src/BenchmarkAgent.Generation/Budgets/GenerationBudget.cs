using BenchmarkAgent.Execution;
using System.Globalization;

namespace BenchmarkAgent.Generation.Budgets;

/// <summary>
/// What one backbone (one benchmark's planning and generation) may spend on the generator endpoint; null means no limit.
/// Requests and tokens count only calls the endpoint answered (cache hits are free); tokens come from the responses'
/// usage. When a limit is reached generation stops with <see cref="GenerationBudgetExceededException"/> (<c>BA0502</c>).
/// </summary>
/// <param name="MaxRequests">The most endpoint requests.</param>
/// <param name="MaxTokens">The most input plus output tokens.</param>
/// <param name="MaxWallTime">The longest wall time from the backbone's first call.</param>
internal sealed record GenerationBudget(int? MaxRequests = null, long? MaxTokens = null, TimeSpan? MaxWallTime = null)
{
    /// <summary>No limit at all.</summary>
    public static GenerationBudget Unlimited { get; } = new();

    /// <summary>The problem with this budget (<c>BA0503</c>), or null when every limit is positive.</summary>
    public string? Validate() =>
        MaxRequests is <= 0 ? Problem("requests", MaxRequests.Value.ToString(CultureInfo.InvariantCulture))
        : MaxTokens is <= 0 ? Problem("tokens", MaxTokens.Value.ToString(CultureInfo.InvariantCulture))
        : MaxWallTime is { } wall && wall <= TimeSpan.Zero ? Problem("wall time", wall.ToString("c", CultureInfo.InvariantCulture))
        : null;

    private static string Problem(string what, string value) =>
        $"{ErrorCodes.InvalidGenerationSetting}: the generation budget for {what} is {value}; use a positive value, or no limit.";
}
