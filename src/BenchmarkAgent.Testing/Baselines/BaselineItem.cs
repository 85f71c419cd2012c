namespace BenchmarkAgent.Testing.Baselines;

/// <summary>How one item did when the baseline was recorded.</summary>
/// <param name="Id">The item id.</param>
/// <param name="Passed">Whether the subject answered it correctly.</param>
/// <param name="Score">The item score from 0 to 1.</param>
internal sealed record BaselineItem(string Id, bool Passed, double Score);
