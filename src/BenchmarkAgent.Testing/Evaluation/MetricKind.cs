using System.Text.Json.Serialization;

namespace BenchmarkAgent.Testing.Evaluation;

/// <summary>What kind of value a reported metric holds (written by name in <c>report.json</c>).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<MetricKind>))]
internal enum MetricKind
{
    /// <summary>A 1-5 score of the rubric judge (<see cref="RubricEvaluator"/>), in <see cref="MetricReport.Value"/>.</summary>
    Score,

    /// <summary>Any other number (a <c>NumericMetric</c>), in <see cref="MetricReport.Value"/>.</summary>
    Numeric,

    /// <summary>A yes/no outcome (a <c>BooleanMetric</c>), in <see cref="MetricReport.BooleanValue"/>.</summary>
    Boolean,

    /// <summary>A text value (a <c>StringMetric</c>), in <see cref="MetricReport.StringValue"/>.</summary>
    String,

    /// <summary>No value: a plain <c>EvaluationMetric</c>, e.g. the placeholder of an evaluator that failed.</summary>
    None,
}
