namespace BenchmarkAgent.Testing;

/// <summary>
/// Registers one of the project's own evaluators, e.g. <c>[assembly: BenchmarkEvaluator(typeof(WordCountEvaluator))]</c>.
/// The type either implements Microsoft.Extensions.AI.Evaluation's <c>IEvaluator</c> (from any library) or
/// <see cref="IBenchmarkEvaluatorFactory"/> (for evaluators that need constructor arguments), and has a public
/// parameterless constructor; anything else fails every item test with BA2017. Repeat the attribute to register several.
/// </summary>
/// <remarks>
/// Registered evaluators run, next to the built-in rubric judge, for every repeat of every item whose subject call
/// succeeded. They get the judge's <c>ChatConfiguration</c> when a judge is configured (<see langword="null"/> otherwise)
/// and the item's reference answer and passage as additional context. Their numeric, boolean and string metrics appear
/// in the test output and in <c>report.json</c>, <c>report.md</c> and <c>report.html</c>; they do not change whether an
/// item passes. An evaluator that throws gives its metrics an error diagnostic on that item, and the run goes on.
/// </remarks>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true)]
public sealed class BenchmarkEvaluatorAttribute : Attribute
{
    /// <summary>Creates the attribute.</summary>
    /// <param name="evaluatorType">A type with a public parameterless constructor implementing <c>IEvaluator</c> or <see cref="IBenchmarkEvaluatorFactory"/>.</param>
    public BenchmarkEvaluatorAttribute(Type evaluatorType) => EvaluatorType = evaluatorType;

    /// <summary>The evaluator (or evaluator factory) type.</summary>
    public Type EvaluatorType { get; }
}
