using System.Globalization;

namespace BenchmarkAgent.Media;

/// <summary>
/// How big media may get: one file at most <see cref="MaxFileBytes"/>, all files of one benchmark together at most
/// <see cref="MaxBenchmarkBytes"/>. Snapshots are committed, so media stay small; bigger files belong in Git LFS
/// (see docs/snapshot-format.md). Set with <c>BenchmarkAgentMaxMediaFileBytes</c> and <c>BenchmarkAgentMaxMediaBytes</c>.
/// </summary>
/// <param name="MaxFileBytes">The most bytes one media file may have.</param>
/// <param name="MaxBenchmarkBytes">The most bytes all media files of one benchmark may have together.</param>
internal sealed record MediaBudget(long MaxFileBytes, long MaxBenchmarkBytes)
{
    /// <summary>The default per-file budget: 1 MiB.</summary>
    public const long DefaultFileBytes = 1024L * 1024;

    /// <summary>The default per-benchmark budget: 64 MiB.</summary>
    public const long DefaultBenchmarkBytes = 64L * 1024 * 1024;

    /// <summary>The largest value either budget may be set to: 1 GiB.</summary>
    public const long MaxSetting = 1024L * 1024 * 1024;

    /// <summary>The default budget.</summary>
    public static MediaBudget Default { get; } = new(DefaultFileBytes, DefaultBenchmarkBytes);

    /// <summary>
    /// Reads the two MSBuild property values (empty means the default). Returns null and a message when a value is not a
    /// whole number of bytes from 1 to <see cref="MaxSetting"/>, or the per-file budget is bigger than the per-benchmark one.
    /// </summary>
    public static MediaBudget? TryParse(string? fileBytes, string? benchmarkBytes, out string error)
    {
        error = string.Empty;
        if (!TryParseOne(fileBytes, DefaultFileBytes, out long file) || !TryParseOne(benchmarkBytes, DefaultBenchmarkBytes, out long total))
        {
            error = $"BenchmarkAgentMaxMediaFileBytes ('{Shown(fileBytes)}') and BenchmarkAgentMaxMediaBytes ('{Shown(benchmarkBytes)}') must be whole numbers of bytes from 1 to {MaxSetting.ToString(CultureInfo.InvariantCulture)}; for example <BenchmarkAgentMaxMediaFileBytes>2097152</BenchmarkAgentMaxMediaFileBytes>.";
            return null;
        }

        if (file > total)
        {
            error = $"BenchmarkAgentMaxMediaFileBytes ({file.ToString(CultureInfo.InvariantCulture)}) is larger than BenchmarkAgentMaxMediaBytes ({total.ToString(CultureInfo.InvariantCulture)}); one file cannot exceed the whole benchmark's budget.";
            return null;
        }

        return new MediaBudget(file, total);
    }

    private static bool TryParseOne(string? text, long fallback, out long value)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            value = fallback;
            return true;
        }

        return long.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out value) && value is >= 1 and <= MaxSetting;
    }

    private static string Shown(string? text)
    {
        // Untrusted text from a property: control, bidirectional and other format characters are percent-encoded.
        string value = Items.RecordIds.Normalise(text ?? string.Empty);
        return value.Length <= 40 ? value : value[..40] + "...";
    }
}
