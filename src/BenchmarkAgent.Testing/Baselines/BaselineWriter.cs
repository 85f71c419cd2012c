using System.Globalization;
using System.Text;
using System.Text.Json;
using BenchmarkAgent.Persistence;

namespace BenchmarkAgent.Testing.Baselines;

/// <summary>
/// Writes baseline files: deterministic bytes (UTF-8, LF, no timestamps, items sorted by id, one item per line so
/// a changed item is a one-line diff), written atomically.
/// </summary>
internal static class BaselineWriter
{
    /// <summary>Renders a baseline as the bytes of its file.</summary>
    /// <param name="baseline">The baseline.</param>
    /// <returns>UTF-8 bytes without a byte-order mark, ending with a line feed.</returns>
    /// <exception cref="ArgumentException">A score is not a finite number from 0 to 1.</exception>
    public static byte[] Serialize(Baseline baseline)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        var items = baseline.Items.OrderBy(i => i.Id, StringComparer.Ordinal).ToList();
        var text = new StringBuilder();
        text.Append("{\n");
        text.Append("  \"schema\": ").Append(Quote(Baseline.Schema)).Append(",\n");
        text.Append("  \"benchmark\": ").Append(Quote(baseline.Benchmark)).Append(",\n");
        text.Append("  \"subject\": ").Append(Quote(baseline.Subject)).Append(",\n");
        text.Append(CultureInfo.InvariantCulture, $"  \"passed\": {items.Count(i => i.Passed)},\n");
        text.Append(CultureInfo.InvariantCulture, $"  \"total\": {items.Count},\n");
        text.Append("  \"items\": [");
        for (int i = 0; i < items.Count; i++)
        {
            var item = items[i];
            if (!double.IsFinite(item.Score) || item.Score is < 0 or > 1)
            {
                throw new ArgumentException($"Item '{item.Id}' has score {item.Score}; a score is a number from 0 to 1.", nameof(baseline));
            }

            text.Append(i == 0 ? "\n" : ",\n");
            text.Append("    { \"id\": ").Append(Quote(item.Id))
                .Append(", \"passed\": ").Append(item.Passed ? "true" : "false")
                .Append(", \"score\": ").Append(item.Score.ToString("R", CultureInfo.InvariantCulture))
                .Append(" }");
        }

        text.Append(items.Count == 0 ? "]\n" : "\n  ]\n");
        text.Append("}\n");
        return new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(text.ToString());
    }

    /// <summary>Writes a baseline file atomically (a reader never sees half of it), creating its folder.</summary>
    /// <param name="path">The file path.</param>
    /// <param name="baseline">The baseline.</param>
    /// <returns>True when the file changed; false when it already held the same bytes.</returns>
    public static bool Write(string path, Baseline baseline)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        byte[] bytes = Serialize(baseline);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        return AtomicFile.WriteAllBytes(path, bytes);
    }

    private static string Quote(string value) => JsonSerializer.Serialize(value);
}
