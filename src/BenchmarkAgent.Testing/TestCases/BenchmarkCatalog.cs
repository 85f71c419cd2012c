using System.Collections.Concurrent;
using System.Reflection;
using BenchmarkAgent.Execution;
using BenchmarkAgent.Snapshots;
using BenchmarkAgent.Items;

namespace BenchmarkAgent.Testing.TestCases;

/// <summary>The snapshot items of one test assembly, read once and indexed by benchmark and item id.</summary>
internal sealed class BenchmarkCatalog
{
    private static readonly ConcurrentDictionary<Assembly, Lazy<BenchmarkCatalog>> Catalogs = new();

    private readonly Dictionary<string, IReadOnlyList<BenchmarkItem>> _items;
    private readonly Dictionary<(string Benchmark, string Id), BenchmarkItem> _byId = [];
    private readonly Dictionary<string, BenchmarkLocation> _locations;

    private BenchmarkCatalog(Dictionary<string, IReadOnlyList<BenchmarkItem>> items, Dictionary<string, BenchmarkLocation> locations, IReadOnlyList<string> problems)
    {
        _items = items;
        _locations = locations;
        Problems = problems;
        foreach (var (benchmark, list) in items)
        {
            foreach (var item in list)
            {
                _byId.TryAdd((benchmark, item.Id), item);
            }
        }
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

    /// <summary>Where a benchmark's files are and its gate metadata, or <see langword="null"/> when the assembly does not declare it.</summary>
    public BenchmarkLocation? Location(string benchmark) => _locations.GetValueOrDefault(benchmark);

    /// <summary>Finds one item.</summary>
    public BenchmarkItem Get(string benchmark, string itemId) =>
        _byId.GetValueOrDefault((benchmark, itemId))
        ?? throw new InvalidOperationException($"Benchmark '{benchmark}' has no item '{itemId}'. Rebuild the project so the snapshot is copied to the output folder.");

    /// <summary>Reads a snapshot's items without those a reviewer excluded: excluded items stay in the file but never become test cases.</summary>
    internal static IReadOnlyList<BenchmarkItem> ReadRunnableItems(string itemsPath) =>
        SnapshotReader.ReadItems(itemsPath).Where(i => !i.Curation.Excluded).ToList();

    private static BenchmarkCatalog Load(Assembly assembly)
    {
        var items = new Dictionary<string, IReadOnlyList<BenchmarkItem>>(StringComparer.Ordinal);
        var problems = new List<string>();
        var locations = new Dictionary<string, BenchmarkLocation>(StringComparer.Ordinal);
        string baseDirectory = Path.GetDirectoryName(assembly.Location) is { Length: > 0 } dir ? dir : AppContext.BaseDirectory;
        foreach (var attribute in assembly.GetCustomAttributes<GeneratedBenchmarkAttribute>())
        {
            string path = Path.Combine(baseDirectory, attribute.SnapshotDirectory, SnapshotLayout.ItemsFileName);
            if (BenchmarkLocation.For(assembly, attribute.Name) is { } location)
            {
                locations.TryAdd(attribute.Name, location);
            }

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

        return new BenchmarkCatalog(items, locations, problems);
    }
}
