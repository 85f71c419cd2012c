namespace BenchmarkAgent.Verification;

/// <summary>What verifiers may know about a benchmark under construction: the prompts accepted so far.</summary>
internal sealed class VerificationContext
{
    private readonly HashSet<string> _promptKeys = new(StringComparer.Ordinal);

    /// <summary>True when a prompt with the same normalised text was already accepted.</summary>
    public bool ContainsPrompt(string prompt) => _promptKeys.Contains(NormalizePrompt(prompt));

    /// <summary>Records an accepted prompt.</summary>
    public void AddPrompt(string prompt) => _promptKeys.Add(NormalizePrompt(prompt));

    /// <summary>True when a sample with the same normalised prompt and the same media files (by SHA-256) was already accepted.</summary>
    public bool ContainsSample(Families.FamilySample sample)
    {
        ArgumentNullException.ThrowIfNull(sample);
        return _promptKeys.Contains(Key(sample.Prompt, sample.Media.Select(m => m.Sha256)));
    }

    /// <summary>Records an accepted item: its prompt, and for an item with media its files' hashes too.</summary>
    public void AddItem(Items.BenchmarkItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        _promptKeys.Add(Key(item));
    }

    /// <summary>
    /// The duplicate key of an item: its normalised prompt, followed for an item with media by its files' hashes, so two
    /// chart items with the same question about different charts are different items. A text item's key is its prompt's.
    /// </summary>
    public static string Key(Items.BenchmarkItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return Key(item.Prompt, item.Media.Select(m => m.Sha256));
    }

    /// <summary>The duplicate key of a prompt and its media hashes (see <see cref="Key(Items.BenchmarkItem)"/>).</summary>
    public static string Key(string prompt, IEnumerable<string> mediaHashes)
    {
        string hashes = string.Join(",", mediaHashes);
        return hashes.Length == 0 ? NormalizePrompt(prompt) : NormalizePrompt(prompt) + "\u001fmedia:" + hashes;
    }

    /// <summary>The key under which near-identical prompts (case, spacing) collide.</summary>
    public static string NormalizePrompt(string prompt) =>
        string.Join(' ', prompt.ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
