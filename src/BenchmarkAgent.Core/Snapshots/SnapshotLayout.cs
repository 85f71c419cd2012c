namespace BenchmarkAgent.Snapshots;

/// <summary>Where a benchmark's snapshot files live: <c>&lt;root&gt;/&lt;name&gt;/plan.json</c> and <c>items.json</c>.</summary>
internal static class SnapshotLayout
{
    /// <summary>The default snapshot root, relative to the project directory.</summary>
    public const string DefaultRoot = "Benchmarks";

    /// <summary>The plan file name.</summary>
    public const string PlanFileName = "plan.json";

    /// <summary>The items file name.</summary>
    public const string ItemsFileName = "items.json";

    /// <summary>The plan file schema id the writer writes; bumped when the format changes.</summary>
    public const string PlanSchema = "benchagent/plan@2";

    /// <summary>The items file schema id the writer writes.</summary>
    public const string ItemsSchema = "benchagent/items@2";

    /// <summary>The first plan schema, still read (no generation, no history).</summary>
    public const string PlanSchemaV1 = "benchagent/plan@1";

    /// <summary>The first items schema, still read (no curation fields: every item is generation 0, as generated).</summary>
    public const string ItemsSchemaV1 = "benchagent/items@1";

    /// <summary>Every plan schema the reader reads.</summary>
    public static IReadOnlyList<string> ReadablePlanSchemas { get; } = [PlanSchemaV1, PlanSchema];

    /// <summary>Every items schema the reader reads.</summary>
    public static IReadOnlyList<string> ReadableItemsSchemas { get; } = [ItemsSchemaV1, ItemsSchema];

    /// <summary>The folder of one benchmark.</summary>
    public static string BenchmarkDirectory(string root, string name) => Path.Combine(root, name);

    /// <summary>The plan file of one benchmark.</summary>
    public static string PlanPath(string root, string name) => Path.Combine(root, name, PlanFileName);

    /// <summary>The items file of one benchmark.</summary>
    public static string ItemsPath(string root, string name) => Path.Combine(root, name, ItemsFileName);
}
