namespace BenchmarkAgent.Retrieval;

/// <summary>A modifier found in a query ("with irrelevant facts", "with typos") and the transformation that implements it.</summary>
/// <param name="Name">The modifier's stable name, e.g. <c>irrelevant-context</c>.</param>
/// <param name="Transformation">The name of the transformation that implements it (Core/Transformations), e.g. <c>irrelevant-context-injection</c>.</param>
/// <param name="Phrase">The words of the query that asked for it, as written (lowercased).</param>
internal sealed record QueryModifier(string Name, string Transformation, string Phrase);
