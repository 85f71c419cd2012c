using Microsoft.Extensions.Caching.Distributed;

namespace BenchmarkAgent.Models.Tests.Caching;

public sealed class FileDistributedCacheTests
{
    [Fact]
    public void Entries_round_trip_and_are_named_by_a_hash_of_the_key_never_the_key()
    {
        using var folder = new TempFolder();
        var cache = new FileDistributedCache(folder.Path, "judge");

        cache.Set("../../escape?*", [1, 2, 3], new DistributedCacheEntryOptions());

        Assert.Equal([1, 2, 3], cache.Get("../../escape?*"));
        Assert.Equal(1, cache.Hits);
        string file = Assert.Single(Directory.GetFiles(folder.Path, "*", SearchOption.AllDirectories));
        Assert.StartsWith(Path.Combine(folder.Path, "v1", "judge"), file, StringComparison.Ordinal);
        Assert.Matches("^[0-9a-f]{64}\\.json$", Path.GetFileName(file));
    }

    [Fact]
    public void A_missing_entry_is_null_and_remove_deletes()
    {
        using var folder = new TempFolder();
        var cache = new FileDistributedCache(folder.Path);

        Assert.Null(cache.Get("absent"));
        cache.Set("k", [7], new DistributedCacheEntryOptions());
        cache.Set("k", [8], new DistributedCacheEntryOptions()); // replaced atomically
        Assert.Equal([8], cache.Get("k"));
        cache.Remove("k");

        Assert.Null(cache.Get("k"));
        Assert.Equal(1, cache.Hits);
        Assert.Empty(Directory.GetFiles(folder.Path, "*.tmp", SearchOption.AllDirectories));
    }

    [Theory]
    [InlineData("..")]
    [InlineData("a/b")]
    [InlineData("")]
    public void A_partition_must_be_a_plain_folder_name(string partition)
    {
        Assert.Throws<ArgumentException>(() => new FileDistributedCache(Path.GetTempPath(), partition));
    }
}
