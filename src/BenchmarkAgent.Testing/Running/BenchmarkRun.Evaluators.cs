using System.Reflection;
using BenchmarkAgent.Testing.Evaluation;

namespace BenchmarkAgent.Testing.Running;

/// <summary>The project's own evaluators (<see cref="BenchmarkEvaluatorAttribute"/>) of a run.</summary>
public sealed partial class BenchmarkRun
{
    private EvaluatorRegistration? _evaluators;

    /// <summary>Reads a test assembly's evaluator registrations (tests substitute it to register evaluators without an assembly attribute).</summary>
    internal Func<Assembly, EvaluatorRegistration> EvaluatorSource { get; init; } = EvaluatorRegistration.For;

    /// <summary>
    /// The evaluators the test assembly registers, created once per run when the subject is resolved (the assembly is
    /// known by then); none before that.
    /// </summary>
    private EvaluatorRegistration Evaluators()
    {
        lock (_gate)
        {
            if (_assembly is null)
            {
                return EvaluatorRegistration.None;
            }

            return _evaluators ??= EvaluatorSource(_assembly);
        }
    }

    /// <summary>Disposes the registered evaluators that hold resources.</summary>
    private async ValueTask DisposeEvaluatorsAsync()
    {
        foreach (var evaluator in _evaluators?.Evaluators ?? [])
        {
            if (evaluator is IAsyncDisposable asyncDisposable)
            {
                await asyncDisposable.DisposeAsync().ConfigureAwait(false);
            }
            else if (evaluator is IDisposable disposable)
            {
                disposable.Dispose();
            }
        }
    }
}
