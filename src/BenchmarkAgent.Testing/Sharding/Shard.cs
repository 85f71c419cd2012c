using System.Globalization;

namespace BenchmarkAgent.Testing.Sharding;

/// <summary>
/// One of <see cref="Count"/> parts of a run (<c>BENCHAGENT_SHARD=k/n</c>): the items whose stable hash falls in part
/// <see cref="Index"/> (<see cref="ShardAssignment"/>). Several CI jobs each run one shard; a merge run combines them.
/// </summary>
/// <param name="Index">The part this run takes, 1-based (the <c>k</c> of <c>k/n</c>).</param>
/// <param name="Count">How many parts the items are split into (the <c>n</c>).</param>
internal sealed record Shard(int Index, int Count)
{
    /// <summary>The most shards a run may be split into.</summary>
    public const int MaxCount = 1024;

    /// <summary>Whether this shard runs the item <paramref name="itemId"/> of <paramref name="benchmark"/>.</summary>
    /// <param name="benchmark">The benchmark name.</param>
    /// <param name="itemId">The item id.</param>
    /// <returns>True when the item's part is this shard's.</returns>
    public bool Contains(string benchmark, string itemId) => ShardAssignment.IndexOf(benchmark, itemId, Count) == Index;

    /// <summary>The shard file's name, e.g. <c>shard-3-of-8.json</c>.</summary>
    public string FileName => string.Create(CultureInfo.InvariantCulture, $"shard-{Index}-of-{Count}.json");

    /// <summary>Parses <c>k/n</c> (whole numbers, <c>1 &lt;= k &lt;= n &lt;= 1024</c>, spaces around the parts allowed).</summary>
    /// <param name="text">The text, e.g. <c>3/8</c>.</param>
    /// <returns>The shard, or <see langword="null"/> when the text is not a valid <c>k/n</c>.</returns>
    public static Shard? Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string[] parts = text.Split('/');
        if (parts.Length != 2
            || !int.TryParse(parts[0].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int index)
            || !int.TryParse(parts[1].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int count)
            || count is < 1 or > MaxCount
            || index < 1 || index > count)
        {
            return null;
        }

        return new Shard(index, count);
    }

    /// <summary>The valid shard of this process's <c>BENCHAGENT_SHARD</c>, or <see langword="null"/> (unset or wrong: a wrong value fails every item test with its code).</summary>
    public static Shard? Current =>
        Environment.GetEnvironmentVariable(Settings.RunSettingsReader.ShardVariable) is { } text && !string.IsNullOrWhiteSpace(text) ? Parse(text.Trim()) : null;

    /// <summary>Returns <c>k/n</c>.</summary>
    /// <returns>The shard as it is written in <c>BENCHAGENT_SHARD</c>.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Index}/{Count}");
}
