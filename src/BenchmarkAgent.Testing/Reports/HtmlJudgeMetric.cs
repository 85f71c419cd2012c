namespace BenchmarkAgent.Testing.Reports;

/// <summary>One LLM-as-judge metric of one item, as shown in the HTML report.</summary>
/// <param name="Name">The metric's name (e.g. <c>Coherence</c>).</param>
/// <param name="Value">The judge's score from 1 (worst) to 5 (best); <see langword="null"/> when the judge gave none.</param>
/// <param name="Rating">The judge's rating word (e.g. <c>Good</c>); may be empty.</param>
/// <param name="Reason">The judge's reason (untrusted model text; encoded when rendered), if any.</param>
public sealed record HtmlJudgeMetric(string Name, double? Value, string Rating, string? Reason);
