namespace BenchmarkAgent.Execution;

/// <summary>The verified items of a benchmark and how verification went per subtask.</summary>
/// <param name="Items">The items, ordered by subtask (plan order) then by position in the subtask's stream.</param>
/// <param name="Reports">One report per subtask, in plan order.</param>
public sealed record ExecutionResult(IReadOnlyList<BenchmarkItem> Items, IReadOnlyList<SubtaskReport> Reports);
