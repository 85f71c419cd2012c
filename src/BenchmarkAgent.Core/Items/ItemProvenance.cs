namespace BenchmarkAgent.Items;

/// <summary>Where an item came from, so a reviewer (and the engine) can reproduce and re-check it.</summary>
/// <param name="Source">The source: a task family, a dataset record, or (for a hand-written item) anything else.</param>
/// <param name="Seed">The 64-bit seed the item was generated from, as 16 hex digits.</param>
/// <param name="Index">The item's position in its subtask's sample stream (0-based).</param>
/// <param name="Attempt">How many earlier candidates for this position were rejected by verification.</param>
/// <param name="Transformations">The transformations applied, in order; empty for plain family items.</param>
/// <param name="Checks">The verification checks the item passed.</param>
internal sealed record ItemProvenance(
    ItemSource Source,
    string Seed,
    int Index,
    int Attempt,
    IReadOnlyList<string> Transformations,
    IReadOnlyList<string> Checks)
{
    /// <summary>For a dataset item: the hash of the record it was derived from (see <see cref="DatasetRecordHash"/>); null otherwise.</summary>
    public string? RecordHash { get; init; }

    /// <summary>
    /// 16 hex digits of SHA-256 over a dataset record's id, input, output and fields (in ordinal order of name), and for a
    /// record with media each file's type and SHA-256 (so an edited image makes the item stale); a text record's hash is
    /// the same as before media existed.
    /// </summary>
    public static string DatasetRecordHash(Grounding.DatasetRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var parts = new List<object> { record.Id, record.Input, record.Output };
        foreach (var (name, value) in record.Fields.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            parts.Add(name);
            parts.Add(value);
        }

        foreach (var media in record.Media)
        {
            parts.Add("media");
            parts.Add(media.MediaType + ":" + media.Sha256);
        }

        return StableHash.Hex(16, [.. parts]);
    }
}
