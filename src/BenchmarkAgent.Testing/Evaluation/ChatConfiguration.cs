using Microsoft.Extensions.AI;

namespace BenchmarkAgent.Testing.Evaluation;

/// <summary>The chat client an AI-based evaluator uses, shaped like Microsoft.Extensions.AI.Evaluation's <c>ChatConfiguration</c>.</summary>
/// <param name="ChatClient">The judge client.</param>
public sealed record ChatConfiguration(IChatClient ChatClient);
