namespace BenchmarkAgent.Grounding;

/// <summary>
/// Cards for well-known public datasets, used when a dataset file comes without a card: a bare
/// <c>gsm8k/test.jsonl</c> otherwise only has its file name to be matched against a query.
/// </summary>
internal static class WellKnownDatasetCards
{
    /// <summary>
    /// Returns <paramref name="dataset"/> with a richer card when its card was inferred from the data (not hand-written)
    /// and the name names a well-known dataset; otherwise <paramref name="dataset"/> unchanged. The name and the
    /// inferred answer type are kept.
    /// </summary>
    public static Dataset Enrich(Dataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var card = dataset.Card;
        if (card.Origin != DatasetCard.InferredOrigin)
        {
            return dataset;
        }

        var words = card.Name.ToLowerInvariant().Split('-', '_', ' ', '.');
        if (words.Contains("gsm8k"))
        {
            return dataset with
            {
                Card = card with
                {
                    Description = "GSM8K: grade school math word problems that need two to eight steps of arithmetic reasoning.",
                    Tasks = ["math word problem solving", "arithmetic reasoning"],
                    Keywords = ["gsm8k", "grade school math", "math", "arithmetic", "word problems", "multi-step reasoning"],
                    Origin = DatasetCard.WellKnownOrigin,
                },
            };
        }

        return dataset;
    }
}
