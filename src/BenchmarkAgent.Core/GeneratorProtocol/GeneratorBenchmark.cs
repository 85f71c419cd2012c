namespace BenchmarkAgent.GeneratorProtocol;

/// <summary>One benchmark of a <see cref="GeneratorRequest"/>: the validated item, its fingerprint and its backbone.</summary>
/// <param name="Name">The benchmark name (already validated as a safe file name).</param>
/// <param name="Query">What to evaluate.</param>
/// <param name="Quota">How many verified items.</param>
/// <param name="Seed">The seed.</param>
/// <param name="Difficulty">easy, medium or hard; null for mixed.</param>
/// <param name="Datasets">Absolute dataset paths.</param>
/// <param name="Fingerprint">The input fingerprint the task computed (recorded in plan.json; the program never recomputes it).</param>
/// <param name="Backbone">The backbone chosen by the task: <c>offline</c> or <c>llm</c> (never <c>auto</c>).</param>
internal sealed record GeneratorBenchmark(
    string Name,
    string Query,
    int Quota,
    int Seed,
    string? Difficulty,
    IReadOnlyList<string> Datasets,
    string Fingerprint,
    string Backbone)
{
    /// <summary><c>Strict="true"</c>: a weak match is an error (BA0303) instead of a warning.</summary>
    public bool Strict { get; init; }

    /// <summary>Whether a query the offline planner does not cover builds the closest families with a warning (<c>AllowWeakMatch</c>).</summary>
    public bool AllowWeakMatch { get; init; }

    /// <summary>The most bytes one media file may have (<c>BenchmarkAgentMaxMediaFileBytes</c>, validated by the task).</summary>
    public long MaxMediaFileBytes { get; init; } = Media.MediaBudget.DefaultFileBytes;

    /// <summary>The most bytes all media files of the benchmark may have (<c>BenchmarkAgentMaxMediaBytes</c>, validated by the task).</summary>
    public long MaxMediaBytes { get; init; } = Media.MediaBudget.DefaultBenchmarkBytes;
}
