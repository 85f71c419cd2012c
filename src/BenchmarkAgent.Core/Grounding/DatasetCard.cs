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
    IReadOnlyList<string> Keywords)
{
    /// <summary>Where the card came from: <see cref="InferredOrigin"/>, <see cref="FileOrigin"/> (a hand-written card), or <see cref="WellKnownOrigin"/>.</summary>
    public string Origin { get; init; } = InferredOrigin;

    /// <summary>The source field of each <see cref="DatasetRole"/> (role to dotted path; numbered option fields joined by ", ").</summary>
    public IReadOnlyDictionary<string, string> Roles { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>How many records the dataset holds.</summary>
    public int Size { get; init; }

    /// <summary>How the answer is given in the source, e.g. "letter", "option index", "yes/no", "span", "number", "text".</summary>
    public string AnswerForm { get; init; } = string.Empty;

    /// <summary>The kinds of media the dataset's records carry (image, audio); empty for a text dataset. The planner matches media queries with it.</summary>
    public IReadOnlyList<Media.MediaKind> MediaKinds { get; init; } = [];

    /// <summary>The origin of a card derived from the data.</summary>
    public const string InferredOrigin = "inferred";

    /// <summary>The origin of a hand-written card (a card file next to the dataset, or a General-Bench folder's card).</summary>
    public const string FileOrigin = "card-file";

    /// <summary>The origin of a card from <see cref="WellKnownDatasetCards"/>.</summary>
    public const string WellKnownOrigin = "well-known";
}
