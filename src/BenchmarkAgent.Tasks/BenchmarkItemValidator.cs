using System.Globalization;
using BenchmarkAgent.Planning;
using BenchmarkAgent.Snapshots;
using Microsoft.Build.Framework;

namespace BenchmarkAgent.Tasks;

/// <summary>Validates <c>GeneratedBenchmark</c> items in one place and turns the valid ones into requests.</summary>
internal static class BenchmarkItemValidator
{
    /// <summary>
    /// Validates every item, collects the names of <c>Strict="true"</c> benchmarks, and resolves each item's
    /// <c>Datasets</c> metadata plus <paramref name="projectDatasets"/> (both semicolon lists) against
    /// <paramref name="projectDirectory"/>; a path with nothing behind it is a problem (BA0402).
    /// </summary>
    public static (IReadOnlyList<BenchmarkRequest> Requests, IReadOnlyList<GenerationProblem> Problems) Validate(
        IReadOnlyList<ITaskItem> items, int maxQuota, ISet<string> strictNames, string projectDirectory, string projectDatasets)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(strictNames);
        var requests = new List<BenchmarkRequest>();
        var problems = new List<GenerationProblem>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var item in items)
        {
            string name = item.ItemSpec;
            int before = problems.Count;
            if (WildcardExpansion(item, projectDirectory) is { } expansion)
            {
                problems.Add(new(ErrorCodes.WildcardExpandedName, $"GeneratedBenchmark '{name}' {expansion}: MSBuild expands a wildcard ('*' or '?') in Include against files on disk, so Include=\"arith*\" or Include=\"*\" turns every matching file into a benchmark named after it. Write each benchmark name literally, without a wildcard, e.g. Include=\"arithmetic\"; if you meant this name, it must not be the name of a file next to the project."));
            }
            else if (!IsSafeName(name, out string why))
            {
                problems.Add(new(ErrorCodes.UnsafeName, $"GeneratedBenchmark '{name}': the name {why}. Use letters, digits, '-', '_' or '.', e.g. Include=\"arithmetic\"; the name becomes the folder Benchmarks/<name>/."));
            }
            else if (!seen.Add(name))
            {
                problems.Add(new(ErrorCodes.DuplicateName, $"GeneratedBenchmark '{name}' is declared more than once (names are compared ignoring case, because they are folder names). Give each benchmark its own name, or remove the duplicate item."));
            }

            string query = item.GetMetadata("Query").Trim();
            if (query.Length == 0)
            {
                problems.Add(new(ErrorCodes.MissingQuery, $"GeneratedBenchmark '{name}' has no Query. Add Query=\"...\" describing what to evaluate, e.g. Query=\"Multi-step arithmetic word problems with irrelevant facts\"."));
            }

            string quotaText = item.GetMetadata("Quota").Trim();
            int quota = 0;
            if (!int.TryParse(quotaText, NumberStyles.None, CultureInfo.InvariantCulture, out quota) || quota <= 0)
            {
                string shown = quotaText.Length == 0 ? "missing" : $"'{quotaText}'";
                problems.Add(new(ErrorCodes.InvalidQuota, $"GeneratedBenchmark '{name}' has Quota {shown}; it must be a positive integer (the number of items), e.g. Quota=\"40\"."));
            }
            else if (quota > maxQuota)
            {
                problems.Add(new(ErrorCodes.QuotaTooLarge, $"GeneratedBenchmark '{name}' has Quota {quota}, above the maximum {maxQuota}. Lower the quota, split the benchmark, or raise the limit with the BenchmarkAgentMaxQuota property."));
            }

            string seedText = item.GetMetadata("Seed").Trim();
            int seed = 0;
            if (seedText.Length > 0 && !int.TryParse(seedText, NumberStyles.Integer, CultureInfo.InvariantCulture, out seed))
            {
                problems.Add(new(ErrorCodes.InvalidSeed, $"GeneratedBenchmark '{name}' has Seed '{seedText}'; it must be an integer, e.g. Seed=\"7\"."));
            }

            string difficultyText = item.GetMetadata("Difficulty");
            if (!SnapshotNames.TryParseDifficulty(difficultyText, out var difficulty))
            {
                problems.Add(new(ErrorCodes.InvalidDifficulty, $"GeneratedBenchmark '{name}' has Difficulty '{difficultyText}'; use easy, medium, hard or mixed (the default)."));
            }

            string strictText = item.GetMetadata("Strict").Trim();
            if (strictText.Length > 0 && !bool.TryParse(strictText, out _))
            {
                problems.Add(new(ErrorCodes.InvalidStrict, $"GeneratedBenchmark '{name}' has Strict '{strictText}'; use true or false."));
            }

            string allowWeakText = item.GetMetadata("AllowWeakMatch").Trim();
            bool allowWeak = false;
            if (allowWeakText.Length > 0 && !bool.TryParse(allowWeakText, out allowWeak))
            {
                problems.Add(new(ErrorCodes.InvalidAllowWeakMatch, $"GeneratedBenchmark '{name}' has AllowWeakMatch '{allowWeakText}' (from the item or the BenchmarkAgentAllowWeakMatch property); use true or false."));
            }

            ValidateGate(item, name, problems);

            var datasets = new List<string>();
            foreach (string entry in SplitList(item.GetMetadata("Datasets")).Concat(SplitList(projectDatasets)))
            {
                string full = Path.GetFullPath(Path.Combine(projectDirectory, entry));
                if (!File.Exists(full) && !Directory.Exists(full))
                {
                    problems.Add(new(ErrorCodes.MissingDataset, $"GeneratedBenchmark '{name}' registers dataset '{entry}', but nothing exists at {full}. Paths in Datasets and BenchmarkAgentDatasets are relative to the project directory; fix the path or remove it."));
                }
                else if (!datasets.Contains(full, StringComparer.Ordinal))
                {
                    datasets.Add(full);
                }
            }

            for (int i = before; i < problems.Count; i++)
            {
                problems[i] = problems[i] with { Item = name };
            }

            if (problems.Count == before)
            {
                requests.Add(new BenchmarkRequest(name, query, quota, seed, difficulty) { Datasets = datasets, AllowWeakMatch = allowWeak });
                if (bool.TryParse(strictText, out bool strict) && strict)
                {
                    strictNames.Add(name);
                }
            }
        }

        return (requests, problems);
    }

    // The regression gate's metadata (read again by the test assembly; validated here so a typo fails the build).
    private static void ValidateGate(ITaskItem item, string name, List<GenerationProblem> problems)
    {
        string minScore = item.GetMetadata("MinScore").Trim();
        if (minScore.Length > 0 && (!TryFraction(minScore, out double min) || min is < 0 or > 1))
        {
            problems.Add(new(ErrorCodes.InvalidMinScore, $"GeneratedBenchmark '{name}' has MinScore '{minScore}'; it must be a number from 0 to 1 (the lowest acceptable mean score of the benchmark's gate), e.g. MinScore=\"0.6\"."));
        }

        string alpha = item.GetMetadata("RegressionAlpha").Trim();
        if (alpha.Length > 0 && (!TryFraction(alpha, out double level) || level is <= 0 or >= 1))
        {
            problems.Add(new(ErrorCodes.InvalidRegressionAlpha, $"GeneratedBenchmark '{name}' has RegressionAlpha '{alpha}'; it must be a number greater than 0 and less than 1 (the significance level of the gate's drop check), e.g. RegressionAlpha=\"0.05\"."));
        }
    }

    private static bool TryFraction(string text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);

    private static IEnumerable<string> SplitList(string? list) =>
        (list ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>
    /// Says how <paramref name="item"/> shows that MSBuild made it from a wildcard, or null when it does not. MSBuild
    /// keeps no record of the pattern, so two signals are used: a recursive wildcard (<c>**</c>) sets
    /// <c>%(RecursiveDir)</c>, and any expansion yields the relative path of an existing file (wildcards match files,
    /// never folders). A benchmark name is a plain word that names no file, so a name that does is refused.
    /// </summary>
    public static string? WildcardExpansion(ITaskItem item, string projectDirectory)
    {
        ArgumentNullException.ThrowIfNull(item);
        string name = item.ItemSpec;
        if (item.GetMetadata("RecursiveDir").Length > 0)
        {
            return $"came from a recursive wildcard (its %(RecursiveDir) is '{item.GetMetadata("RecursiveDir")}')";
        }

        if (name.Length == 0 || name.IndexOfAny(['*', '?']) >= 0 || name.IndexOfAny(Path.GetInvalidPathChars()) >= 0)
        {
            return null;
        }

        try
        {
            return File.Exists(Path.Combine(projectDirectory, name)) ? $"is the name of the file {name} next to the project" : null;
        }
        catch (Exception ex) when (ex is ArgumentException or IOException or UnauthorizedAccessException or NotSupportedException)
        {
            return null;
        }
    }

    /// <summary>True when <paramref name="name"/> is safe as a single folder name on every operating system.</summary>
    public static bool IsSafeName(string name, out string why)
    {
        why = string.Empty;
        if (string.IsNullOrWhiteSpace(name))
        {
            why = "is empty";
        }
        else if (name.Length > 64)
        {
            why = "is longer than 64 characters";
        }
        else if (name is "." or ".." || name.Contains("..", StringComparison.Ordinal))
        {
            why = "contains '..'";
        }
        else if (name.IndexOfAny(['*', '?']) >= 0)
        {
            why = "contains a wildcard ('*' or '?'); MSBuild expands a wildcard in Include against files on disk (here no file matched, so it stayed as written), so a benchmark name must be written literally";
        }
        else if (name.IndexOfAny(['/', '\\']) >= 0)
        {
            why = "contains a path separator";
        }
        else if (!name.All(ch => char.IsAsciiLetterOrDigit(ch) || ch is '-' or '_' or '.'))
        {
            why = "contains characters other than letters, digits, '-', '_' and '.'";
        }
        else if (name.StartsWith('.') || name.EndsWith('.'))
        {
            why = "starts or ends with '.'";
        }
        else if (ReservedFileNames.IsReserved(name))
        {
            why = "is a reserved device name on Windows";
        }

        return why.Length == 0;
    }
}
