namespace BenchmarkAgent.Tasks;

/// <summary>A user mistake found while reading the generation settings: logged by the task as an error, never thrown.</summary>
/// <param name="Code">The stable BA code (see <see cref="ErrorCodes"/>).</param>
/// <param name="Message">What is wrong, the bad value, and how to fix it.</param>
/// <param name="Item">The <c>GeneratedBenchmark</c> item it concerns; null for a project-wide property.</param>
internal sealed record GenerationProblem(string Code, string Message, string? Item = null);
