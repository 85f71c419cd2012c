namespace BenchmarkAgent.Execution;

/// <summary>One step of a generation, for progress output: a position of a subtask was accepted (or a stage finished).</summary>
/// <param name="Benchmark">The benchmark name.</param>
/// <param name="Stage">What is running: <c>plan</c>, <c>generate</c>, <c>verify</c>, ...</param>
/// <param name="Done">Items (or steps) finished so far.</param>
/// <param name="Total">Items (or steps) to do in all.</param>
/// <param name="Message">An optional line for the build output; never holds a secret.</param>
internal sealed record GenerationProgress(string Benchmark, string Stage, int Done, int Total, string? Message = null);
