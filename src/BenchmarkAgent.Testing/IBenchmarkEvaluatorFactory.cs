using Microsoft.Extensions.AI.Evaluation;

namespace BenchmarkAgent.Testing;

/// <summary>
/// Supplies evaluators that need constructor arguments or shared set-up (for example a library's evaluator with its
/// options). Register it with <see cref="BenchmarkEvaluatorAttribute"/>; an evaluator with a public parameterless
/// constructor can be registered directly instead.
/// </summary>
public interface IBenchmarkEvaluatorFactory
{
    /// <summary>Creates the evaluators. Called once per test run; the evaluators are then used concurrently.</summary>
    /// <returns>The evaluators (their metric names must be unique across every registered evaluator).</returns>
    IEnumerable<IEvaluator> CreateEvaluators();
}
