namespace BenchmarkAgent.Generation.Grounding;

/// <summary>A card retrieved for a text, with its lexical score (higher is better; the scale is the retriever's).</summary>
/// <param name="Card">The card.</param>
/// <param name="Score">The retrieval score, greater than 0.</param>
internal sealed record RankedCard(GroundingCard Card, double Score);
