using BenchmarkAgent.Execution;
using BenchmarkAgent.Items;

namespace BenchmarkAgent.Testing.Scoring;

/// <summary>Scores a subject's response to an item. Implementations are pure: no I/O, no state, same input same score.</summary>
internal interface IScorer
{
    /// <summary>Scores one response.</summary>
    /// <param name="item">The item, including its reference answer.</param>
    /// <param name="response">The subject's full response text.</param>
    /// <returns>The score, what was extracted from the response, and why.</returns>
    ItemScore Score(BenchmarkItem item, string response);
}
