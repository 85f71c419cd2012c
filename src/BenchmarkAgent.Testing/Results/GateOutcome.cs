using BenchmarkAgent.Testing.Baselines;

namespace BenchmarkAgent.Testing.Results;

/// <summary>How a benchmark's aggregate test ends.</summary>
/// <param name="Gate">The evaluated gate, or <see langword="null"/> when none was evaluated (recording, or a configuration error).</param>
/// <param name="Lines">Lines for the test output.</param>
/// <param name="Failure">Why the test fails, or <see langword="null"/> when it passes.</param>
internal sealed record GateOutcome(GateResult? Gate, IReadOnlyList<string> Lines, string? Failure);
