using System.Text.Json.Serialization;

namespace BenchmarkAgent.Items;

/// <summary>
/// The item-quality ratings of a generated item (the paper's LLM-as-judge quality control): one rating from 1 to 5 with a
/// reason per criterion. Stored in <c>items.json</c> under <c>quality</c> only when present, so snapshots without
/// ratings keep their bytes.
/// </summary>
/// <param name="Ratings">One rating per criterion, in <see cref="Criteria"/> order.</param>
internal sealed record ItemQuality(IReadOnlyList<QualityRating> Ratings)
{
    /// <summary>The six criteria, in the order they are stored.</summary>
    public static IReadOnlyList<string> Criteria { get; } =
    [
        "user-intent-alignment",
        "target-signal-dependency",
        "skill-specific-challenge",
        "answer-correctness",
        "clarity",
        "format-validity",
    ];

    /// <summary>The lowest score over all criteria (0 when there is none); derived, so never serialized.</summary>
    [JsonIgnore]
    public int Lowest => Ratings.Count == 0 ? 0 : Ratings.Min(r => r.Score);
}
