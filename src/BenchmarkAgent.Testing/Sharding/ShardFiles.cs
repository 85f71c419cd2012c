using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using BenchmarkAgent.Persistence;

namespace BenchmarkAgent.Testing.Sharding;

/// <summary>
/// Writes a shard's <see cref="ShardFile"/> into its run folder, and reads every shard file under a merge folder
/// (any depth: CI downloads each artifact into its own folder). A file that cannot be read or contradicts itself is a
/// <see cref="ErrorCodes.MalformedShardFile"/> error naming the file; nothing is guessed.
/// </summary>
internal static class ShardFiles
{
    /// <summary>The pattern of shard file names.</summary>
    public const string SearchPattern = "shard-*-of-*.json";

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        PropertyNameCaseInsensitive = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        MaxDepth = 32,
    };

    /// <summary>Writes the file atomically (a reader never sees half of it).</summary>
    /// <param name="path">The file.</param>
    /// <param name="file">The shard's results.</param>
    public static void Write(string path, ShardFile file)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(file);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        AtomicFile.WriteAllBytes(path, JsonSerializer.SerializeToUtf8Bytes(file, JsonOptions));
    }

    /// <summary>Reads every shard file under <paramref name="folder"/>.</summary>
    /// <param name="folder">The merge folder (<c>BENCHAGENT_MERGE</c>).</param>
    /// <param name="error">What is wrong, with its code, when the folder or a file cannot be used.</param>
    /// <returns>The files with their paths, sorted by path; empty with <paramref name="error"/> set on failure.</returns>
    public static IReadOnlyList<(string Path, ShardFile File)> ReadAll(string folder, out string? error)
    {
        ArgumentNullException.ThrowIfNull(folder);
        error = null;
        if (!Directory.Exists(folder))
        {
            error = $"{ErrorCodes.InvalidMergeFolder}: BENCHAGENT_MERGE names '{folder}', which is not a folder. Point it at the folder the shard artifacts (shard-k-of-n.json files) were downloaded to.";
            return [];
        }

        var paths = Directory.EnumerateFiles(folder, SearchPattern, SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        if (paths.Count == 0)
        {
            error = $"{ErrorCodes.InvalidMergeFolder}: BENCHAGENT_MERGE names '{folder}', which holds no shard file ({SearchPattern}, at any depth). Each shard run (BENCHAGENT_SHARD=k/n) writes one into its run folder under TestResults/benchagent/runs/; download them all into this folder.";
            return [];
        }

        var files = new List<(string, ShardFile)>(paths.Count);
        foreach (string path in paths)
        {
            if (Read(path, out string? fileError) is { } file)
            {
                files.Add((path, file));
            }
            else
            {
                error = fileError;
                return [];
            }
        }

        return files;
    }

    /// <summary>Reads and checks one shard file.</summary>
    /// <param name="path">The file.</param>
    /// <param name="error">What is wrong, with its code and the file, when it cannot be used.</param>
    /// <returns>The file, or <see langword="null"/>.</returns>
    public static ShardFile? Read(string path, out string? error)
    {
        ArgumentNullException.ThrowIfNull(path);
        ShardFile? file;
        try
        {
            using var stream = File.OpenRead(path);
            file = JsonSerializer.Deserialize<ShardFile>(stream, JsonOptions);
        }
        catch (Exception ex) when (ex is JsonException or IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            error = Malformed(path, $"it is not a readable shard file ({ex.GetType().Name}: {ex.Message})");
            return null;
        }

        error = file is null ? Malformed(path, "it holds no shard") : Check(path, file);
        return error is null ? file : null;
    }

    /// <summary>Checks the fields of a shard file and that its results agree with its own header.</summary>
    private static string? Check(string path, ShardFile file)
    {
        if (file.Schema != ShardFile.CurrentSchema)
        {
            return Malformed(path, $"its schema is '{file.Schema}', not '{ShardFile.CurrentSchema}' (written by another version of BenchmarkAgent.Testing?)");
        }

        if (file.ShardCount is < 1 or > Shard.MaxCount || file.Shard < 1 || file.Shard > file.ShardCount)
        {
            return Malformed(path, string.Create(CultureInfo.InvariantCulture, $"it names shard {file.Shard}/{file.ShardCount}, which is not k/n with 1 <= k <= n <= {Shard.MaxCount}"));
        }

        if (file.Subject is null || file.Benchmarks is null || file.Results is null
            || file.Benchmarks.Any(b => b?.Name is null || b.ItemSetHash is null)
            || file.Results.Any(r => r?.Benchmark is null || r.ItemId is null || r.Subtask is null || r.Subject is null))
        {
            return Malformed(path, "a field is missing (subject, benchmarks, results, or a result's benchmark, item id, subtask or subject)");
        }

        var benchmarks = new Dictionary<string, ShardBenchmark>(StringComparer.Ordinal);
        foreach (var benchmark in file.Benchmarks)
        {
            if (!benchmarks.TryAdd(benchmark.Name, benchmark))
            {
                return Malformed(path, $"it lists benchmark '{benchmark.Name}' twice");
            }
        }

        var seen = new HashSet<(string, string)>();
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var result in file.Results)
        {
            if (!benchmarks.ContainsKey(result.Benchmark))
            {
                return Malformed(path, $"it has a result of benchmark '{result.Benchmark}', which its header does not list");
            }

            if (!seen.Add((result.Benchmark, result.ItemId)))
            {
                return Malformed(path, $"it has two results for item '{result.Benchmark}/{result.ItemId}'");
            }

            int index = ShardAssignment.IndexOf(result.Benchmark, result.ItemId, file.ShardCount);
            if (index != file.Shard)
            {
                return Malformed(path, string.Create(CultureInfo.InvariantCulture, $"item '{result.Benchmark}/{result.ItemId}' belongs to shard {index}/{file.ShardCount}, not to this file's shard {file.Shard}/{file.ShardCount}"));
            }

            counts[result.Benchmark] = counts.GetValueOrDefault(result.Benchmark) + 1;
        }

        foreach (var benchmark in file.Benchmarks)
        {
            int count = counts.GetValueOrDefault(benchmark.Name);
            if (count != benchmark.ShardItems || benchmark.ShardItems > benchmark.TotalItems)
            {
                return Malformed(path, string.Create(CultureInfo.InvariantCulture,
                    $"benchmark '{benchmark.Name}' should have {benchmark.ShardItems} results in this shard (of {benchmark.TotalItems}), but it has {count}: some item tests of the shard did not run (a --filter?) or the file was cut"));
            }
        }

        return null;
    }

    private static string Malformed(string path, string what) =>
        $"{ErrorCodes.MalformedShardFile}: the shard file '{path}' cannot be merged: {what}. Run that shard again; do not edit shard files.";
}
