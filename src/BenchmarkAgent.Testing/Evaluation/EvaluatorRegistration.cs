using System.Reflection;
using Microsoft.Extensions.AI.Evaluation;

namespace BenchmarkAgent.Testing.Evaluation;

/// <summary>
/// The project's own evaluators, created from its <see cref="BenchmarkEvaluatorAttribute"/> registrations, or the BA2017
/// message of the first unusable one (then no evaluator is used and every item test fails with it).
/// </summary>
/// <param name="Evaluators">The evaluators, in registration order.</param>
/// <param name="Error">The BA2017 message, or <see langword="null"/>.</param>
internal sealed record EvaluatorRegistration(IReadOnlyList<IEvaluator> Evaluators, string? Error)
{
    /// <summary>No registration.</summary>
    public static EvaluatorRegistration None { get; } = new([], null);

    /// <summary>Creates the evaluators a test assembly registers.</summary>
    /// <param name="assembly">The test assembly.</param>
    /// <returns>The evaluators, or the error.</returns>
    public static EvaluatorRegistration For(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        return From(assembly.GetCustomAttributes<BenchmarkEvaluatorAttribute>().Select(a => a.EvaluatorType));
    }

    /// <summary>Creates evaluators from registered types.</summary>
    /// <param name="types">The types named by the registrations.</param>
    /// <returns>The evaluators, or the error of the first unusable type.</returns>
    public static EvaluatorRegistration From(IEnumerable<Type?> types)
    {
        ArgumentNullException.ThrowIfNull(types);
        var evaluators = new List<IEvaluator>();
        // Metric names key an item's metrics: the rubric's and every evaluator's must be distinct.
        var taken = RubricMetric.All.ToDictionary(m => m.Name, _ => "the rubric judge", StringComparer.Ordinal);
        foreach (var type in types)
        {
            if (Add(type) is { } problem)
            {
                return new EvaluatorRegistration([], $"{ErrorCodes.InvalidEvaluator}: {problem}");
            }
        }

        return new EvaluatorRegistration(evaluators, null);

        // Creates the evaluators of one registration; returns why it is unusable, or null.
        string? Add(Type? type)
        {
            string name = type?.FullName ?? "(null)";
            bool isEvaluator = type is not null && typeof(IEvaluator).IsAssignableFrom(type);
            bool isFactory = type is not null && typeof(IBenchmarkEvaluatorFactory).IsAssignableFrom(type);
            if (type is null || (!isEvaluator && !isFactory) || type.IsAbstract || type.GetConstructor(Type.EmptyTypes) is null)
            {
                return $"{name} named by [assembly: BenchmarkEvaluator] must implement IEvaluator (Microsoft.Extensions.AI.Evaluation) or IBenchmarkEvaluatorFactory and have a public parameterless constructor.";
            }

            List<IEvaluator?> created;
            try
            {
                object instance = Activator.CreateInstance(type)!;
                created = isEvaluator ? [(IEvaluator)instance] : [.. ((IBenchmarkEvaluatorFactory)instance).CreateEvaluators() ?? []];
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                var cause = ex is TargetInvocationException { InnerException: { } inner } ? inner : ex;
                return $"{name} named by [assembly: BenchmarkEvaluator] could not be created: {cause.GetType().Name}: {cause.Message}";
            }

            foreach (var evaluator in created)
            {
                string evaluatorName = evaluator?.GetType().FullName ?? "(null)";
                if (evaluator?.EvaluationMetricNames is not { Count: > 0 } metricNames)
                {
                    return $"{evaluatorName} registered by [assembly: BenchmarkEvaluator(typeof({name}))] advertises no metric names: its EvaluationMetricNames must list every metric it returns.";
                }

                foreach (string metric in metricNames)
                {
                    if (!taken.TryAdd(metric, evaluatorName))
                    {
                        return $"{evaluatorName} registered by [assembly: BenchmarkEvaluator(typeof({name}))] returns the metric '{metric}', which {taken[metric]} already returns: give it a name of its own.";
                    }
                }

                evaluators.Add(evaluator);
            }

            return null;
        }
    }
}
