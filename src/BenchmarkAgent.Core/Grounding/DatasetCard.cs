namespace BenchmarkAgent.Grounding;

/// <summary>What a dataset is about; the matcher aligns queries with it.</summary>
/// <param name="Name">A short name.</param>
/// <param name="Description">What the dataset contains.</param>
/// <param name="Tasks">The tasks it serves, e.g. "math word problem solving".</param>
/// <param name="Modalities">Its modalities, e.g. "text".</param>
/// <param name="AnswerType">The kind of answer its records have.</param>
/// <param name="Keywords">Retrieval keywords.</param>
internal sealed record DatasetCard(
    string Name,
    string Description,
    IReadOnlyList<string> Tasks,
    IReadOnlyList<string> Modalities,
    AnswerType AnswerType,
    IReadOnlyList<string> Keywords);
