using System.Globalization;

namespace BenchmarkAgent.Items;

/// <summary>The reviewable content of an item (prompt, choices, answer) and its hash, which detects a reviewer's edit.</summary>
internal static class ItemContent
{
    /// <summary>
    /// 16 hex digits of SHA-256 over the prompt (line endings normalised), the choices, the answer and, for an item with
    /// media, each file's type and SHA-256 (so a changed image is an edit). Provenance, id and curation flags are not content.
    /// A text item's hash is the same as before media existed.
    /// </summary>
    public static string Hash(BenchmarkItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (item.Media.Count > 0)
        {
            return StableHash.Hex(
                16,
                item.Prompt.Replace("\r\n", "\n", StringComparison.Ordinal),
                string.Join("\u001f", item.Choices),
                item.Answer.Type.ToString(),
                item.Answer.Value,
                item.Answer.Tolerance.ToString("R", CultureInfo.InvariantCulture),
                string.Join("\u001f", item.Media.Select(m => m.MediaType + ":" + m.Sha256)));
        }

        return StableHash.Hex(
            16,
            item.Prompt.Replace("\r\n", "\n", StringComparison.Ordinal),
            string.Join("\u001f", item.Choices),
            item.Answer.Type.ToString(),
            item.Answer.Value,
            item.Answer.Tolerance.ToString("R", CultureInfo.InvariantCulture));
    }

    /// <summary>The hash of the item as generated: the recorded one, or the current content's for an item that records none.</summary>
    public static string GeneratedHash(BenchmarkItem item) => item.Curation.ContentHash ?? Hash(item);

    /// <summary>True when a reviewer changed the item's content since it was generated (recorded or not yet recorded).</summary>
    public static bool IsEdited(BenchmarkItem item) => item.Curation.Edited || GeneratedHash(item) != Hash(item);
}
