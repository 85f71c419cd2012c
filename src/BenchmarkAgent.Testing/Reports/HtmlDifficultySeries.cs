namespace BenchmarkAgent.Testing.Reports;

/// <summary>One benchmark's pass rate per difficulty (the difficulty curve), easiest first.</summary>
/// <param name="Benchmark">The benchmark name.</param>
/// <param name="Points">One pass rate per difficulty present, labelled with the difficulty name.</param>
internal sealed record HtmlDifficultySeries(string Benchmark, IReadOnlyList<HtmlPassRate> Points);
