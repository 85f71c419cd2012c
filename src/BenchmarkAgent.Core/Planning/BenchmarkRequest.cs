namespace BenchmarkAgent.Planning;

/// <summary>What the user asked for: one <c>GeneratedBenchmark</c> item, validated.</summary>
/// <param name="Name">The benchmark name (a safe file name; also the snapshot folder name).</param>
/// <param name="Query">The natural-language description of what to evaluate.</param>
/// <param name="Quota">How many verified items the benchmark must hold.</param>
/// <param name="Seed">The seed that makes generation reproducible.</param>
/// <param name="Difficulty">A fixed difficulty for every item, or <see langword="null"/> for a mix of all levels.</param>
internal sealed record BenchmarkRequest(string Name, string Query, int Quota, int Seed = 0, Difficulty? Difficulty = null)
{
    /// <summary>
    /// Absolute paths of the datasets (files or General-Bench folders) registered for grounding, in the order
    /// given; empty when the benchmark is built from task families only.
    /// </summary>
    public IReadOnlyList<string> Datasets { get; init; } = [];

    /// <summary>
    /// Whether an offline plan may use the closest task families when nothing covers the query well (then the plan
    /// carries a weak-match warning); when false such a query fails with BA0310. Not part of the fingerprint: it never
    /// changes the items of a plan that succeeds.
    /// </summary>
    public bool AllowWeakMatch { get; init; }

    /// <summary>
    /// How big media files may be (per file and per benchmark): dataset media over the per-file budget are refused
    /// (BA0423) and the snapshot writer refuses media over either budget (BA0264). Not part of the fingerprint.
    /// </summary>
    public Media.MediaBudget MediaBudget { get; init; } = Media.MediaBudget.Default;
}
