using BenchmarkAgent.Families;
using BenchmarkAgent.Grounding;
using BenchmarkAgent.Items;
using BenchmarkAgent.Planning;
using BenchmarkAgent.Transformations;

namespace BenchmarkAgent.Generation.Execution;

/// <summary>
/// The executor's tool steps (no model call): a task family realises a sample from a seed, a dataset's transformation
/// chain turns a drawn record into one. Both draw only from the position's seed, as the offline executor does. Pure.
/// </summary>
internal static class SampleTools
{
    /// <summary>Realises a sample of <paramref name="family"/>.</summary>
    public static Candidate Realise(ITaskFamily family, ulong seed, Difficulty difficulty) =>
        new(family.Generate(seed, difficulty), new FamilySource(family.Card.Id), family, null);

    /// <summary>Transforms a record of <paramref name="dataset"/> drawn by <paramref name="seed"/> with one of the subtask's chains; null when the chain does not apply.</summary>
    public static Candidate? Transform(PlannedSubtask subtask, Dataset dataset, ulong seed)
    {
        var chains = subtask.Transformations.Select(DatasetChains.Find).OfType<RecordTransformation>().ToList();
        if (chains.Count == 0 || dataset.Records.Count == 0)
        {
            return null;
        }

        var rng = new DeterministicRandom(seed);
        var record = dataset.Records[rng.Next(dataset.Records.Count)];
        var chain = chains[rng.Next(chains.Count)];
        var sample = chain.Apply(record, dataset.Card.AnswerType, dataset.Records, rng);
        if (sample is null)
        {
            return null;
        }

        // The record id is an opaque label from the file: it is only ever written as text.
        return new Candidate(new FamilySample(sample.Prompt, sample.Answer, sample.Choices) { Media = record.Media }, new DatasetSource(dataset.Card.Name).ForRecord(record.Id), null, null)
        {
            Context = sample.Context,
            Solution = sample.Solution,
            RecordHash = ItemProvenance.DatasetRecordHash(record),
            Steps = sample.Chain,
        };
    }
}
