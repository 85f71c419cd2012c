namespace BenchmarkAgent.Grounding;

/// <summary>A dataset read from disk: its card, its records and where they came from.</summary>
/// <param name="Card">The dataset card (given in the folder or built from the file name and the inferred answer type).</param>
/// <param name="Records">The records, in file order.</param>
/// <param name="SourcePath">The path the dataset was read from.</param>
/// <param name="ContentHash">Lowercase hex SHA-256 of the bytes read, for provenance.</param>
internal sealed record Dataset(DatasetCard Card, IReadOnlyList<DatasetRecord> Records, string SourcePath, string ContentHash)
{
    /// <summary>The records left out because of their media (BA0420-BA0423); empty when none was.</summary>
    public IReadOnlyList<DatasetMediaProblem> MediaProblems { get; init; } = [];
}
