namespace BenchmarkAgent.Testing.Evaluation;

/// <summary>Named metrics from one or more evaluators, shaped like Microsoft.Extensions.AI.Evaluation's <c>EvaluationResult</c>.</summary>
public sealed class EvaluationResult
{
    /// <summary>Creates a result from metrics (later metrics with the same name replace earlier ones).</summary>
    /// <param name="metrics">The metrics.</param>
    public EvaluationResult(IEnumerable<EvaluationMetric> metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        var byName = new Dictionary<string, EvaluationMetric>(StringComparer.Ordinal);
        foreach (var metric in metrics)
        {
            byName[metric.Name] = metric;
        }

        Metrics = byName;
    }

    /// <summary>Creates a result from metrics.</summary>
    /// <param name="metrics">The metrics.</param>
    public EvaluationResult(params EvaluationMetric[] metrics)
        : this((IEnumerable<EvaluationMetric>)metrics)
    {
    }

    /// <summary>The metrics by name.</summary>
    public IReadOnlyDictionary<string, EvaluationMetric> Metrics { get; }

    /// <summary>Returns the metric named <paramref name="name"/> as <typeparamref name="T"/>.</summary>
    /// <typeparam name="T">The metric type.</typeparam>
    /// <param name="name">The metric name.</param>
    /// <returns>The metric.</returns>
    /// <exception cref="KeyNotFoundException">There is no such metric of that type.</exception>
    public T Get<T>(string name)
        where T : EvaluationMetric =>
        TryGet<T>(name, out var metric) ? metric! : throw new KeyNotFoundException($"The evaluation result has no {typeof(T).Name} named '{name}'.");

    /// <summary>Finds the metric named <paramref name="name"/> as <typeparamref name="T"/>.</summary>
    /// <typeparam name="T">The metric type.</typeparam>
    /// <param name="name">The metric name.</param>
    /// <param name="metric">The metric, or <see langword="null"/>.</param>
    /// <returns>Whether it was found.</returns>
    public bool TryGet<T>(string name, out T? metric)
        where T : EvaluationMetric
    {
        metric = Metrics.TryGetValue(name, out var found) ? found as T : null;
        return metric is not null;
    }
}
