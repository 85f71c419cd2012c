namespace BenchmarkAgent.Testing.Evaluation;

/// <summary>The severity of an <see cref="EvaluationDiagnostic"/>.</summary>
public enum EvaluationDiagnosticSeverity
{
    /// <summary>For information only.</summary>
    Informational,

    /// <summary>The metric is usable but something was off.</summary>
    Warning,

    /// <summary>The metric could not be computed.</summary>
    Error,
}
