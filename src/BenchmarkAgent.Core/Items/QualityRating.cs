namespace BenchmarkAgent.Items;

/// <summary>One rating of an item's quality on one criterion (see <see cref="ItemQuality"/>).</summary>
/// <param name="Criterion">The criterion, one of <see cref="ItemQuality.Criteria"/>.</param>
/// <param name="Score">The rating from 1 (poor) to 5 (excellent).</param>
/// <param name="Reason">Why, in one sentence (model text: data, never code).</param>
internal sealed record QualityRating(string Criterion, int Score, string Reason);
