using BenchmarkAgent.Items;

namespace BenchmarkAgent.Generation.Budgets;

/// <summary>
/// A generation budget is spent (<c>BA0502</c>). Carries the items accepted so far in this generation (also in the
/// resume journal), so the caller can keep them and a later build continues where this one stopped.
/// </summary>
internal sealed class GenerationBudgetExceededException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="limit">Which limit: <c>requests</c>, <c>tokens</c> or <c>wall time</c>.</param>
    /// <param name="detail">How much was used of how much.</param>
    /// <param name="finishedItems">The items accepted so far.</param>
    public GenerationBudgetExceededException(string limit, string detail, IReadOnlyList<BenchmarkItem> finishedItems)
        : base($"{ErrorCodes.GenerationBudgetSpent}: the generation budget for {limit} is spent ({detail}); {finishedItems.Count} finished items are kept. Raise the budget, or build again to continue from the journal.")
    {
        Limit = limit;
        FinishedItems = finishedItems;
    }

    /// <summary>The stable error code, <c>BA0502</c>.</summary>
    public string Code => ErrorCodes.GenerationBudgetSpent;

    /// <summary>Which limit was reached.</summary>
    public string Limit { get; }

    /// <summary>The items accepted in this generation before the budget ran out, in acceptance order.</summary>
    public IReadOnlyList<BenchmarkItem> FinishedItems { get; }
}
