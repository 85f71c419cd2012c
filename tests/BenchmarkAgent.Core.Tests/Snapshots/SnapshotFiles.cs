using BenchmarkAgent.Snapshots;

namespace BenchmarkAgent.Core.Tests.Snapshots;

/// <summary>Helpers to write a snapshot, hand-edit its items file like a reviewer, and read it back for regeneration.</summary>
internal static class SnapshotFiles
{
    public static ExistingSnapshot Save(string root, BenchmarkSnapshot snapshot)
    {
        SnapshotWriter.Write(root, snapshot);
        return ExistingSnapshot.Load(root, snapshot.Plan.Request.Name)!;
    }

    public static string ItemsText(string root, string name) => File.ReadAllText(SnapshotLayout.ItemsPath(root, name));

    public static void EditItems(string root, string name, Func<string, string> edit)
    {
        string path = SnapshotLayout.ItemsPath(root, name);
        string before = File.ReadAllText(path);
        string after = edit(before);
        Assert.NotEqual(before, after);
        File.WriteAllText(path, after);
    }

    /// <summary>The exact text of one item in an items file: from its opening brace to its closing brace.</summary>
    public static string Block(string itemsText, string id)
    {
        int idAt = itemsText.IndexOf($"\"id\": \"{id}\"", StringComparison.Ordinal);
        Assert.True(idAt >= 0, $"item {id} not found");
        int start = itemsText.LastIndexOf("\n    {", idAt, StringComparison.Ordinal);
        int end = itemsText.IndexOf("\n    }", idAt, StringComparison.Ordinal);
        return itemsText[start..(end + 6)];
    }

    /// <summary>Inserts <paramref name="property"/> (a JSON member, no trailing comma) right after an item's id line.</summary>
    public static string AddToItem(string itemsText, string id, string property)
    {
        string idLine = $"\"id\": \"{id}\",";
        return itemsText.Replace(idLine, idLine + "\n      " + property + ",", StringComparison.Ordinal);
    }
}
