using BenchmarkAgent.Families;
using BenchmarkAgent.Grounding;
using BenchmarkAgent.Transformations;

namespace BenchmarkAgent.Generation.Grounding;

/// <summary>Builds the grounding pool: every task family's card and every registered dataset's card. Pure.</summary>
internal static class CardPool
{
    /// <summary>The cards of <paramref name="families"/> and <paramref name="datasets"/>, families first, in the given order.</summary>
    public static IReadOnlyList<GroundingCard> Build(IReadOnlyList<ITaskFamily> families, IReadOnlyList<Dataset> datasets)
    {
        ArgumentNullException.ThrowIfNull(families);
        ArgumentNullException.ThrowIfNull(datasets);
        var cards = new List<GroundingCard>(families.Count + datasets.Count);
        foreach (var family in families)
        {
            var card = family.Card;
            var source = new FamilySource(card.Id);
            cards.Add(new GroundingCard(source.ToString(), card.Title, card.Description, card.AnswerType, [.. card.Keywords, card.Skill], source, []));
        }

        foreach (var dataset in datasets)
        {
            var card = dataset.Card;
            var source = new DatasetSource(card.Name);
            var operations = DatasetChains.All
                .Where(chain => dataset.Records.Any(r => chain.AppliesTo(r, card.AnswerType)))
                .Select(chain => chain.Name)
                .ToList();
            cards.Add(new GroundingCard(source.ToString(), card.Name, card.Description, card.AnswerType, [.. card.Keywords, .. card.Tasks], source, operations) { Dataset = dataset });
        }

        return cards;
    }

    /// <summary>How many records of <paramref name="dataset"/> at least one of <paramref name="operations"/> applies to.</summary>
    public static int Capacity(Dataset dataset, IReadOnlyList<string> operations)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var chains = operations.Select(DatasetChains.Find).OfType<RecordTransformation>().ToList();
        return dataset.Records.Count(r => chains.Any(c => c.AppliesTo(r, dataset.Card.AnswerType)));
    }
}
