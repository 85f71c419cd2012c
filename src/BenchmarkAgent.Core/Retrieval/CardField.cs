namespace BenchmarkAgent.Retrieval;

/// <summary>One text field of a <see cref="RetrievalCard"/> and how much a term in it counts.</summary>
/// <param name="Name">The field's name, e.g. <c>keywords</c> (for explanations only).</param>
/// <param name="Text">The field's text; untrusted card text is only ever tokenised.</param>
/// <param name="Weight">How many occurrences one occurrence in this field is worth (BM25F-style), greater than 0.</param>
/// <param name="Phrases">
/// Whether the field is a list of phrases separated by <c>;</c> (keywords, tasks, a title): then each pair of adjacent
/// terms within a phrase is also a term (<c>day_between</c> for "days between"), so a query that uses the phrase
/// outranks one that only shares its words.
/// </param>
internal sealed record CardField(string Name, string Text, double Weight, bool Phrases = false);
