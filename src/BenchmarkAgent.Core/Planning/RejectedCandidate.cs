using BenchmarkAgent.Retrieval;

namespace BenchmarkAgent.Planning;

/// <summary>A close candidate the planner considered and left out, with its evidence and the reason.</summary>
/// <param name="Name">The family id.</param>
/// <param name="Lexical">Its lexical evidence (BM25, TF-IDF cosine, matched terms).</param>
/// <param name="Reason">Why it was left out, in words.</param>
internal sealed record RejectedCandidate(string Name, LexicalHit Lexical, string Reason);
