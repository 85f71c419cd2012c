namespace BenchmarkAgent.Media;

/// <summary>One problem with a benchmark's media folder, as the freshness check and the CI lock report it.</summary>
/// <param name="Code">The stable BA code (BA0260-BA0263).</param>
/// <param name="Message">What is wrong (naming the item and the file) and what to do.</param>
/// <param name="IsWarning">True for a warning (an unreferenced file, BA0263); false for an error.</param>
internal sealed record MediaProblem(string Code, string Message, bool IsWarning);
