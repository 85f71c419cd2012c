namespace BenchmarkAgent.Retrieval;

/// <summary>A document of the retrieval pool: a task family or a dataset, described by weighted text fields.</summary>
/// <param name="Id">A unique id within the pool, e.g. <c>family:gcd-lcm</c> or <c>dataset:gsm8k</c>.</param>
/// <param name="Fields">The text fields that describe it.</param>
internal sealed record RetrievalCard(string Id, IReadOnlyList<CardField> Fields);
