using System.Security.Cryptography;
using System.Text;
using BenchmarkAgent.Persistence;
using Microsoft.Extensions.Caching.Distributed;

namespace BenchmarkAgent.Models;

/// <summary>
/// An <see cref="IDistributedCache"/> on disk: one file per key under <c>&lt;root&gt;/v1/</c>, named by a SHA-256 of the
/// key (a key is never used as a path), written atomically (a temporary file, then a rename) so a reader never sees half
/// an entry. The folder is versioned because the caching client's key hash may change between library releases: a new
/// layout gets a new folder instead of misreading old entries. Entries do not expire; expiration options are ignored.
/// </summary>
internal sealed class FileDistributedCache : IDistributedCache
{
    /// <summary>The layout version, the name of the folder under the root.</summary>
    public const string LayoutVersion = "v1";

    private int _hits;

    /// <summary>Creates a cache under <paramref name="root"/> (created on first write).</summary>
    /// <param name="root">The cache root folder.</param>
    /// <param name="partition">A subfolder of the versioned folder, e.g. the role (so one role's entries can be deleted alone), or <see langword="null"/>.</param>
    public FileDistributedCache(string root, string? partition = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        Directory = Path.Combine(Path.GetFullPath(root), LayoutVersion);
        if (partition is not null)
        {
            // The partition is ours (a role name), never user data; it still must stay one plain folder name.
            if (partition.Length == 0 || partition.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0 || partition is "." or "..")
            {
                throw new ArgumentException("The partition must be a plain folder name.", nameof(partition));
            }

            Directory = Path.Combine(Directory, partition);
        }
    }

    /// <summary>The versioned folder entries are stored in.</summary>
    public string Directory { get; }

    /// <summary>How many reads found an entry.</summary>
    public int Hits => Volatile.Read(ref _hits);

    /// <inheritdoc />
    public byte[]? Get(string key)
    {
        string path = PathFor(key);
        try
        {
            byte[] bytes = File.ReadAllBytes(path);
            Interlocked.Increment(ref _hits);
            return bytes;
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    /// <inheritdoc />
    public Task<byte[]?> GetAsync(string key, CancellationToken token = default)
    {
        token.ThrowIfCancellationRequested();
        return Task.FromResult(Get(key));
    }

    /// <inheritdoc />
    public void Set(string key, byte[] value, DistributedCacheEntryOptions options)
    {
        ArgumentNullException.ThrowIfNull(value);
        string path = PathFor(key);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        AtomicFile.WriteAllBytes(path, value);
    }

    /// <inheritdoc />
    public Task SetAsync(string key, byte[] value, DistributedCacheEntryOptions options, CancellationToken token = default)
    {
        token.ThrowIfCancellationRequested();
        Set(key, value, options);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public void Refresh(string key)
    {
        // Entries do not expire: nothing to refresh.
    }

    /// <inheritdoc />
    public Task RefreshAsync(string key, CancellationToken token = default) => Task.CompletedTask;

    /// <inheritdoc />
    public void Remove(string key) => File.Delete(PathFor(key));

    /// <inheritdoc />
    public Task RemoveAsync(string key, CancellationToken token = default)
    {
        token.ThrowIfCancellationRequested();
        Remove(key);
        return Task.CompletedTask;
    }

    /// <summary>The file of <paramref name="key"/>: <c>v1/ab/abcdef....json</c> by the SHA-256 of the key.</summary>
    internal string PathFor(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        string name = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
        return Path.Combine(Directory, name[..2], name + ".json");
    }
}
