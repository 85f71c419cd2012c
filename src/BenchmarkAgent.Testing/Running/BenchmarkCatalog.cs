using System.Collections.Concurrent;
using System.Reflection;
using BenchmarkAgent.Execution;
using BenchmarkAgent.Snapshots;

namespace BenchmarkAgent.Testing.Running;

/// <summary>The snapshot items of one test assembly, read once and indexed by benchmark and item id.</summary>
public sealed class BenchmarkCatalog
{
    private static readonly ConcurrentDictionary<Assembly, Lazy<BenchmarkCatalog>> Catalogs = new();

    private readonly Dictionary<string, IReadOnlyList<BenchmarkItem>> _items;

    private BenchmarkCatalog(Dictionary<string, IReadOnlyList<BenchmarkItem>> items, IReadOnlyList<string> problems)
    {
        _items = items;
        Problems = problems;
    }

    /// <summary>The benchmark names, in declaration order.</summary>
    public IReadOnlyList<string> Benchmarks => _items.Keys.ToList();

    /// <summary>Benchmarks whose snapshot could not be read, with the reason.</summary>
    public IReadOnlyList<string> Problems { get; }

    /// <summary>Returns the catalog of <paramref name="assembly"/> (read on first use).</summary>
    public static BenchmarkCatalog ForAssembly(Assembly assembly) =>
        Catalogs.GetOrAdd(assembly, a => new Lazy<BenchmarkCatalog>(() => Load(a))).Value;

    /// <summary>The items of one benchmark.</summary>
    public IReadOnlyList<BenchmarkItem> Items(string benchmark) => _items.TryGetValue(benchmark, out var items) ? items : [];

    /// <summary>Finds one item.</summary>
    public BenchmarkItem Get(string benchmark, string itemId) =>
        Items(benchmark).FirstOrDefault(i => i.Id == itemId)
        ?? throw new InvalidOperationException($"Benchmark '{benchmark}' has no item '{itemId}'. Rebuild the project so the snapshot is copied to the output folder.");

    /// <summary>Reads a snapshot's items without those a reviewer excluded: excluded items stay in the file but never become test cases.</summary>
    internal static IReadOnlyList<BenchmarkItem> ReadRunnableItems(string itemsPath) =>
        SnapshotReader.ReadItems(itemsPath).Where(i => !i.Curation.Excluded).ToList();

    private static BenchmarkCatalog Load(Assembly assembly)
    {
        var items = new Dictionary<string, IReadOnlyList<BenchmarkItem>>(StringComparer.Ordinal);
        var problems = new List<string>();
        string baseDirectory = Path.GetDirectoryName(assembly.Location) is { Length: > 0 } dir ? dir : AppContext.BaseDirectory;
        foreach (var attribute in assembly.GetCustomAttributes<GeneratedBenchmarkAttribute>())
        {
            string path = Path.Combine(baseDirectory, attribute.SnapshotDirectory, SnapshotLayout.ItemsFileName);
            try
            {
                items[attribute.Name] = ReadRunnableItems(path);
            }
            catch (Exception ex) when (ex is SnapshotFormatException or IOException)
            {
                problems.Add($"{attribute.Name}: {ex.Message}");
                items[attribute.Name] = [];
            }
        }

        return new BenchmarkCatalog(items, problems);
    }
}
