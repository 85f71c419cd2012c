namespace BenchmarkAgent.Snapshots;

/// <summary>Where a benchmark's snapshot files live: <c>&lt;root&gt;/&lt;name&gt;/plan.json</c> and <c>items.json</c>.</summary>
public static class SnapshotLayout
{
    /// <summary>The default snapshot root, relative to the project directory.</summary>
    public const string DefaultRoot = "Benchmarks";

    /// <summary>The plan file name.</summary>
    public const string PlanFileName = "plan.json";

    /// <summary>The items file name.</summary>
    public const string ItemsFileName = "items.json";

    /// <summary>The plan file schema id; bumped when the format changes incompatibly.</summary>
    public const string PlanSchema = "benchagent/plan@1";

    /// <summary>The items file schema id.</summary>
    public const string ItemsSchema = "benchagent/items@1";

    /// <summary>The folder of one benchmark.</summary>
    public static string BenchmarkDirectory(string root, string name) => Path.Combine(root, name);

    /// <summary>The plan file of one benchmark.</summary>
    public static string PlanPath(string root, string name) => Path.Combine(root, name, PlanFileName);

    /// <summary>The items file of one benchmark.</summary>
    public static string ItemsPath(string root, string name) => Path.Combine(root, name, ItemsFileName);
}
