using System.Globalization;
using BenchmarkAgent.Items;

namespace BenchmarkAgent.Execution;

/// <summary>
/// A declared generation budget (requests, tokens or wall time) ran out (<c>BA0502</c>). Carries the items finished so
/// far; they are also in the resume journal, so a rebuild with a larger budget continues where this one stopped.
/// </summary>
internal sealed class GenerationBudgetExceededException : Exception
{
    /// <summary>Creates the exception with a ready message.</summary>
    /// <param name="code">The BA code to report (<see cref="ErrorCodes.GenerationBudgetExceeded"/>).</param>
    /// <param name="message">Which budget ran out and what to raise.</param>
    /// <param name="finished">The items finished before the budget ran out.</param>
    /// <param name="limit">Which limit was reached, when known.</param>
    public GenerationBudgetExceededException(string code, string message, IReadOnlyList<BenchmarkItem> finished, string? limit = null)
        : base(message)
    {
        Code = code;
        FinishedItems = finished;
        Limit = limit;
    }

    /// <summary>The exception for a spent <paramref name="limit"/>, with the standard message.</summary>
    /// <param name="limit">Which limit: <c>requests</c>, <c>tokens</c> or <c>wall time</c>.</param>
    /// <param name="detail">How much was used of how much.</param>
    /// <param name="finished">The items accepted so far, in acceptance order.</param>
    public static GenerationBudgetExceededException ForLimit(string limit, string detail, IReadOnlyList<BenchmarkItem> finished) =>
        new(
            ErrorCodes.GenerationBudgetExceeded,
            string.Create(CultureInfo.InvariantCulture, $"{ErrorCodes.GenerationBudgetExceeded}: the generation budget for {limit} is spent ({detail}); {finished.Count} finished items are kept. Raise the budget, or build again to continue from the journal."),
            finished,
            limit);

    /// <summary>The BA code to report.</summary>
    public string Code { get; }

    /// <summary>Which limit was reached (<c>requests</c>, <c>tokens</c>, <c>wall time</c>), when known.</summary>
    public string? Limit { get; }

    /// <summary>The items finished before the budget ran out, in acceptance order.</summary>
    public IReadOnlyList<BenchmarkItem> FinishedItems { get; }

    /// <summary>The same as <see cref="FinishedItems"/>.</summary>
    public IReadOnlyList<BenchmarkItem> Finished => FinishedItems;
}
