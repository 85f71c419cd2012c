namespace BenchmarkAgent.Testing.Reports;

/// <summary>The aggregate regression gate of one benchmark, as shown in the HTML report.</summary>
/// <param name="Benchmark">The benchmark name.</param>
/// <param name="Passed">Whether the gate passed.</param>
/// <param name="PValue">The p-value of the drop check against the baseline, when one was computed.</param>
/// <param name="Message">One sentence on the outcome (e.g. the minimum score or the drop found).</param>
internal sealed record HtmlBenchmarkGate(string Benchmark, bool Passed, double? PValue, string Message);
