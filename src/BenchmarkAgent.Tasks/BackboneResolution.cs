namespace BenchmarkAgent.Tasks;

/// <summary>
/// The backbone a benchmark is generated with, decided in the task (no process start) because it is part of the input
/// fingerprint.
/// </summary>
/// <param name="Backbone"><c>offline</c> or <c>llm</c>: what the generator program runs when the benchmark is stale.</param>
/// <param name="Identity">The backbone identity in the fingerprint (<c>offline</c>, or <c>llm</c> with the prompt hash).</param>
/// <param name="AlsoFresh">Another identity a snapshot may record and still be fresh: under <c>auto</c> without a configured
/// generator, an LLM-generated snapshot stays fresh (a teammate or CI without a key keeps it; it is never downgraded).</param>
/// <param name="Problem">Set when the snapshot is stale and cannot be generated: <c>llm</c> without a configured generator role.</param>
internal sealed record BackboneResolution(string Backbone, string Identity, string? AlsoFresh, GenerationProblem? Problem);
