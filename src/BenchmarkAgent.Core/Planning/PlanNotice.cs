namespace BenchmarkAgent.Planning;

/// <summary>A coded warning about one input of the plan, e.g. a registered dataset left out of the pool (BA0410).</summary>
/// <param name="Code">The stable BA code.</param>
/// <param name="File">The file concerned.</param>
/// <param name="Line">The 1-based line, 0 when unknown.</param>
/// <param name="Message">What happened and what to do.</param>
internal sealed record PlanNotice(string Code, string File, int Line, string Message);
