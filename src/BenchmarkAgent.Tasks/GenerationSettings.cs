using System.Globalization;
using BenchmarkAgent.Execution;
using BenchmarkAgent.Planning;
using Microsoft.Build.Framework;

namespace BenchmarkAgent.Tasks;

/// <summary>
/// Everything a BenchmarkAgent task reads from the project, parsed once: the properties and the validated
/// <c>GeneratedBenchmark</c> items. Problems are data (<see cref="Problems"/>); the task logs them and stops.
/// </summary>
/// <param name="Requests">The valid requests, in item order (empty when there are problems).</param>
/// <param name="StrictNames">The names of benchmarks declared <c>Strict="true"</c> (compared ignoring case).</param>
/// <param name="Problems">Every problem found, properties first, then items in order.</param>
internal sealed record GenerationSettings(
    IReadOnlyList<BenchmarkRequest> Requests,
    IReadOnlySet<string> StrictNames,
    IReadOnlyList<GenerationProblem> Problems)
{
    /// <summary>The default of <c>BenchmarkAgentMaxQuota</c>.</summary>
    public const int DefaultMaxQuota = 10_000;

    /// <summary>The default of <c>BenchmarkAgentLockTimeoutSeconds</c>.</summary>
    public const int DefaultLockTimeoutSeconds = 300;

    /// <summary>The longest accepted <c>BenchmarkAgentLockTimeoutSeconds</c>: one day.</summary>
    public const int MaxLockTimeoutSeconds = 86_400;

    /// <summary>Warnings found while parsing (unknown item metadata, BA0011); they never stop the task.</summary>
    public IReadOnlyList<GenerationProblem> Warnings { get; init; } = [];

    /// <summary>The absolute intermediate folder holding <c>benchagent/</c> (the lock and the resume journals).</summary>
    public string IntermediateDirectory { get; init; } = string.Empty;

    /// <summary>Locked (CI) mode: never generate; a missing or stale snapshot is an error.</summary>
    public bool Locked { get; init; }

    /// <summary>The largest accepted quota.</summary>
    public int MaxQuota { get; init; } = DefaultMaxQuota;

    /// <summary>How long to wait for another build's generation lock, in seconds.</summary>
    public int LockTimeoutSeconds { get; init; } = DefaultLockTimeoutSeconds;

    /// <summary>The share of items a refresh rotates; 0 for a task that does not refresh.</summary>
    public double RefreshFraction { get; init; }

    /// <summary>The generator switches: backbone choice per benchmark and budgets.</summary>
    public GeneratorSettings Generator { get; init; } = GeneratorSettings.Default;

    /// <summary>The absolute path of the change summary; empty for none.</summary>
    public string ChangesFile { get; init; } = string.Empty;

    /// <summary>Parses <paramref name="properties"/> and validates <paramref name="items"/>; never throws for a user mistake.</summary>
    /// <param name="items">The <c>GeneratedBenchmark</c> items.</param>
    /// <param name="properties">The task's properties, as text.</param>
    /// <returns>The settings, with every problem found.</returns>
    public static GenerationSettings Parse(IReadOnlyList<ITaskItem> items, GenerationProperties properties)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(properties);
        var problems = new List<GenerationProblem>();

        int maxQuota = DefaultMaxQuota;
        string maxQuotaText = properties.MaxQuota.Trim();
        if (maxQuotaText.Length > 0 && (!int.TryParse(maxQuotaText, NumberStyles.None, CultureInfo.InvariantCulture, out maxQuota) || maxQuota <= 0))
        {
            problems.Add(new(ErrorCodes.InvalidMaxQuota,
                $"BenchmarkAgentMaxQuota '{properties.MaxQuota}' is not a positive whole number (the largest Quota a GeneratedBenchmark may have); e.g. <BenchmarkAgentMaxQuota>10000</BenchmarkAgentMaxQuota>, or remove it for the default {DefaultMaxQuota}."));
        }

        if (!int.TryParse(properties.LockTimeoutSeconds, NumberStyles.None, CultureInfo.InvariantCulture, out int lockTimeout) || lockTimeout > MaxLockTimeoutSeconds)
        {
            problems.Add(new(ErrorCodes.InvalidLockTimeout,
                $"BenchmarkAgentLockTimeoutSeconds '{properties.LockTimeoutSeconds}' is not a whole number of seconds from 0 to {MaxLockTimeoutSeconds}; e.g. <BenchmarkAgentLockTimeoutSeconds>300</BenchmarkAgentLockTimeoutSeconds>."));
        }

        double fraction = 0;
        if (properties.RefreshFraction is { } fractionText)
        {
            if (fractionText.Trim().Length == 0)
            {
                fraction = RefreshRotation.DefaultFraction;
            }
            else if (!double.TryParse(fractionText.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out fraction) || !RefreshRotation.IsValidFraction(fraction))
            {
                problems.Add(new(ErrorCodes.InvalidRefreshFraction,
                    $"BenchmarkAgentRefreshFraction '{fractionText}' is not a number greater than 0 and at most 1 (the share of items a refresh rotates). Use e.g. -p:BenchmarkAgentRefreshFraction=0.25."));
            }
        }

        var mediaBudget = Media.MediaBudget.TryParse(properties.MaxMediaFileBytes, properties.MaxMediaBytes, out string mediaBudgetError);
        if (mediaBudget is null)
        {
            problems.Add(new(ErrorCodes.InvalidMediaBudget, mediaBudgetError));
        }

        var generator = GeneratorSettings.Parse(items, properties, problems);
        string projectDirectory = properties.ProjectFile.Length > 0
            ? Path.GetDirectoryName(Path.GetFullPath(properties.ProjectFile)) ?? Directory.GetCurrentDirectory()
            : Directory.GetCurrentDirectory();
        var strict = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        IReadOnlyList<BenchmarkRequest> requests = [];
        if (problems.Count == 0)
        {
            // A bad property stops before the items: their problems would only repeat once it is fixed.
            var (valid, itemProblems) = BenchmarkItemValidator.Validate(items, maxQuota, strict, projectDirectory, properties.Datasets);
            problems.AddRange(itemProblems);
            requests = itemProblems.Count == 0 ? valid.Select(r => r with { MediaBudget = mediaBudget! }).ToList() : [];
        }

        return new GenerationSettings(requests, strict, problems)
        {
            Warnings = items.SelectMany(ItemMetadataCheck.UnknownMetadata).ToList(),
            IntermediateDirectory = properties.IntermediateDirectory.Length > 0 ? Path.GetFullPath(properties.IntermediateDirectory) : Path.Combine(projectDirectory, "obj"),
            Locked = properties.Locked,
            MaxQuota = maxQuota,
            LockTimeoutSeconds = lockTimeout,
            RefreshFraction = fraction,
            Generator = generator,
            ChangesFile = properties.ChangesFile.Length > 0 ? Path.GetFullPath(properties.ChangesFile) : string.Empty,
        };
    }
}
