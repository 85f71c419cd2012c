using BenchmarkAgent.Items;

namespace BenchmarkAgent.Execution;

/// <summary>
/// A backbone stopped because a declared budget (requests, tokens or wall time) ran out. The items it finished are
/// already in the journal, so a rebuild with a larger budget resumes from them.
/// </summary>
/// <remarks>Placeholder of the process-boundary branch: the LLM backbone's branch defines the budget; keep one of the two at merge.</remarks>
internal sealed class GenerationBudgetExceededException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="code">The BA code to report (e.g. <see cref="ErrorCodes.GenerationBudgetExceeded"/>).</param>
    /// <param name="message">Which budget ran out and what to raise.</param>
    /// <param name="finished">The items finished before the budget ran out.</param>
    public GenerationBudgetExceededException(string code, string message, IReadOnlyList<BenchmarkItem> finished)
        : base(message)
    {
        Code = code;
        Finished = finished;
    }

    /// <summary>The BA code to report.</summary>
    public string Code { get; }

    /// <summary>The items finished before the budget ran out.</summary>
    public IReadOnlyList<BenchmarkItem> Finished { get; }
}
