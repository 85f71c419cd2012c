namespace BenchmarkAgent.Snapshots;

/// <summary>
/// One refresh in a snapshot's history (<c>plan.json</c> <c>history</c>). It carries no date, so the same refresh of
/// the same snapshot always writes the same bytes.
/// </summary>
/// <param name="Generation">The generation the refresh started (1 for the first refresh).</param>
/// <param name="Seed">The seed of the fresh items, derived from (benchmark seed, generation), as 16 hex digits.</param>
/// <param name="Fraction">The share of rotatable items (neither edited nor excluded) that was rotated.</param>
/// <param name="Rotated">Items replaced by fresh ones.</param>
/// <param name="Kept">Items kept as they were (they keep their own generation).</param>
/// <param name="Edited">Items a reviewer edited, never rotated.</param>
/// <param name="Excluded">Items a reviewer excluded, kept in the file and never rotated.</param>
internal sealed record GenerationRecord(int Generation, string Seed, double Fraction, int Rotated, int Kept, int Edited, int Excluded);
