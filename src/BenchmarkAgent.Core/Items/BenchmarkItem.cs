namespace BenchmarkAgent.Items;

/// <summary>One verified benchmark item as stored in the snapshot and run as one test case.</summary>
/// <param name="Id">A stable content-derived id (10 hex characters) that does not change when other items change.</param>
/// <param name="Subtask">The name of the planned subtask the item belongs to.</param>
/// <param name="Difficulty">The difficulty the item was generated at.</param>
/// <param name="Prompt">The full text sent to the model under test.</param>
/// <param name="Choices">The options of a multiple-choice item; empty otherwise.</param>
/// <param name="Answer">The reference answer and how to compare with it.</param>
/// <param name="Provenance">Where the item came from and which checks it passed.</param>
internal sealed record BenchmarkItem(
    string Id,
    string Subtask,
    Difficulty Difficulty,
    string Prompt,
    IReadOnlyList<string> Choices,
    ExpectedAnswer Answer,
    ItemProvenance Provenance)
{
    /// <summary>Generation, content hash as generated, and a reviewer's edit or exclusion; <see cref="ItemCuration.Generated"/> by default.</summary>
    public ItemCuration Curation { get; init; } = ItemCuration.Generated;

    /// <summary>
    /// The passage the question is about, when the item has one (dataset records with a <c>context</c> or <c>passage</c>
    /// field); it is also part of <see cref="Prompt"/>. The judge rates groundedness against it.
    /// </summary>
    public string? Context { get; init; }

    /// <summary>The item-quality ratings given by the LLM backbone's rater; null for items that were not rated.</summary>
    public ItemQuality? Quality { get; init; }

    /// <summary>
    /// The item's images and audio clips, in the order they are sent to the model, as recorded in items.json (relative
    /// path under <c>media/</c>, type and SHA-256); empty for a text item. Part of the item's content hash.
    /// </summary>
    public IReadOnlyList<Media.MediaReference> Media { get; init; } = [];
}
