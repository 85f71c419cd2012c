namespace BenchmarkAgent.Testing.Reports;

/// <summary>Aggregate scores of a group of items (a benchmark or a subtask).</summary>
/// <param name="Name">The group's name.</param>
/// <param name="Items">Items run.</param>
/// <param name="Passed">Items answered correctly.</param>
/// <param name="Errors">Items whose call failed (counted apart from wrong answers).</param>
/// <param name="MeanScore">The mean item score over items without errors (0 to 1).</param>
public sealed record ScoreSummary(string Name, int Items, int Passed, int Errors, double MeanScore);
