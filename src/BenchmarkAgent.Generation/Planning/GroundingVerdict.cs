using BenchmarkAgent.Generation.Grounding;
using BenchmarkAgent.Grounding;

namespace BenchmarkAgent.Generation.Planning;

/// <summary>The grounding of one subtask: the accepted card (if any) and every candidate's scored decision.</summary>
/// <param name="Card">The accepted card, or null when none fits (the model then writes the samples itself).</param>
/// <param name="Operations">The accepted operation plan (transformation chains; empty for a family).</param>
/// <param name="Score">The accepted candidate's scores, or null.</param>
/// <param name="Rejections">Why each other candidate was rejected, for the plan and the design agent's feedback.</param>
internal sealed record GroundingVerdict(GroundingCard? Card, IReadOnlyList<string> Operations, GroundingScore? Score, IReadOnlyList<string> Rejections);
