namespace BenchmarkAgent.Testing.Evaluation;

/// <summary>A message attached to a metric, shaped like Microsoft.Extensions.AI.Evaluation's <c>EvaluationDiagnostic</c>.</summary>
/// <param name="Severity">How serious it is.</param>
/// <param name="Message">What happened; never contains secrets.</param>
public sealed record EvaluationDiagnostic(EvaluationDiagnosticSeverity Severity, string Message)
{
    /// <summary>Creates an error diagnostic.</summary>
    /// <param name="message">What went wrong.</param>
    /// <returns>The diagnostic.</returns>
    public static EvaluationDiagnostic Error(string message) => new(EvaluationDiagnosticSeverity.Error, message);

    /// <summary>Creates a warning diagnostic.</summary>
    /// <param name="message">What was off.</param>
    /// <returns>The diagnostic.</returns>
    public static EvaluationDiagnostic Warning(string message) => new(EvaluationDiagnosticSeverity.Warning, message);
}
