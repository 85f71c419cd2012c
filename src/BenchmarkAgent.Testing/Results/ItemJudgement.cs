using BenchmarkAgent.Testing.Baselines;

namespace BenchmarkAgent.Testing.Results;

/// <summary>How an item test ends, given the item's outcome and the baseline.</summary>
/// <param name="Verdict">The verdict.</param>
/// <param name="FailsTest">Whether the test fails (see <see cref="ItemVerdicts.FailsTest"/>).</param>
/// <param name="Note">A line for the test output saying how the item compares with the baseline, or <see langword="null"/> without a baseline.</param>
/// <param name="BaselineError">A baseline that cannot be read (the test fails with it: fail closed), or <see langword="null"/>.</param>
internal sealed record ItemJudgement(ItemVerdict Verdict, bool FailsTest, string? Note, string? BaselineError);
