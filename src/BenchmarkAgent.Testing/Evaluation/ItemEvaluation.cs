using BenchmarkAgent.Testing.Results;
using Microsoft.Extensions.AI.Evaluation;

namespace BenchmarkAgent.Testing.Evaluation;

/// <summary>The evaluation of one repeat's response: every evaluator's metrics, and the judge tokens they cost.</summary>
/// <param name="Result">The metrics of the rubric judge and the project's evaluators, by name.</param>
/// <param name="JudgeTokens">The tokens the judge calls used, summed over the evaluators that recorded them; <see langword="null"/> when none did.</param>
internal sealed record ItemEvaluation(EvaluationResult Result, TokenCounts? JudgeTokens);
