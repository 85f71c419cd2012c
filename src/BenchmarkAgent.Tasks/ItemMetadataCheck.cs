using Microsoft.Build.Framework;

namespace BenchmarkAgent.Tasks;

/// <summary>
/// Finds <c>GeneratedBenchmark</c> metadata BenchmarkAgent does not read: a misspelled <c>Dificulty</c> or
/// <c>MinScor</c> would otherwise be silently ignored while the user believes it is in force (issue 16, finding 5).
/// </summary>
internal static class ItemMetadataCheck
{
    /// <summary>
    /// Every metadata name a <c>GeneratedBenchmark</c> may carry (MSBuild compares metadata names ignoring case).
    /// <c>AllowWeakMatch</c> is read by the planner's weak-match opt-out.
    /// </summary>
    public static IReadOnlyList<string> KnownNames { get; } =
        ["Query", "Quota", "Seed", "Difficulty", "Strict", "Datasets", "MinScore", "RegressionAlpha", "AllowWeakMatch"];

    /// <summary>One BA0011 warning per unknown custom metadata name of <paramref name="item"/>, naming the nearest known name.</summary>
    public static IEnumerable<GenerationProblem> UnknownMetadata(ITaskItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var names = item.CloneCustomMetadata().Keys.Cast<object>().Select(k => k.ToString() ?? string.Empty);
        foreach (string name in names.Order(StringComparer.OrdinalIgnoreCase))
        {
            if (KnownNames.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                continue;
            }

            string? nearest = Nearest(name);
            string hint = nearest is null
                ? $"the metadata it reads are {string.Join(", ", KnownNames)}"
                : $"did you mean {nearest}?";
            yield return new GenerationProblem(
                ErrorCodes.UnknownMetadata,
                $"GeneratedBenchmark '{item.ItemSpec}' has metadata '{name}', which BenchmarkAgent does not read, so it has no effect; {hint} Fix the spelling or remove it (silence with <NoWarn>$(NoWarn);BA0011</NoWarn>).",
                item.ItemSpec);
        }
    }

    /// <summary>The known name closest to <paramref name="name"/> by edit distance (ignoring case), or null when none is close.</summary>
    public static string? Nearest(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Length > 64)
        {
            return null;
        }

        string? best = null;
        int bestDistance = int.MaxValue;
        foreach (string known in KnownNames)
        {
            int distance = EditDistance(name.ToUpperInvariant(), known.ToUpperInvariant());
            if (distance < bestDistance)
            {
                (best, bestDistance) = (known, distance);
            }
        }

        // A name within a third of its length (at least 2 edits) is a plausible misspelling; further is a guess.
        return best is not null && bestDistance <= Math.Max(2, best.Length / 3) ? best : null;
    }

    private static int EditDistance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (int i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                int substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j], current[j - 1]) + 1);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
