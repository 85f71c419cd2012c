using BenchmarkAgent.Grounding;

namespace BenchmarkAgent.Transformations;

/// <summary>The intermediate result of a record-level transformation, which the next transformation of a chain takes as input.</summary>
/// <param name="Record">The rewritten record: question stem in Input, answer in Output, options and instruction in Fields.</param>
/// <param name="Type">The answer type after the transformation (e.g. Choice after a multiple-choice conversion).</param>
internal sealed record TransformedRecord(DatasetRecord Record, AnswerType Type);
