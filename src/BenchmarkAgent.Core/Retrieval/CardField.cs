namespace BenchmarkAgent.Retrieval;

/// <summary>One text field of a <see cref="RetrievalCard"/> and how much a term in it counts.</summary>
/// <param name="Name">The field's name, e.g. <c>keywords</c> (for explanations only).</param>
/// <param name="Text">The field's text; untrusted card text is only ever tokenised.</param>
/// <param name="Weight">How many occurrences one occurrence in this field is worth (BM25F-style), greater than 0.</param>
internal sealed record CardField(string Name, string Text, double Weight);
