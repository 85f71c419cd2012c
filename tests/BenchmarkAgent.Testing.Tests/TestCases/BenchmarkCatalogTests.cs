using BenchmarkAgent.Execution;
using BenchmarkAgent.Snapshots;
using BenchmarkAgent.Testing.Running;
using BenchmarkAgent.Testing.TestCases;
using BenchmarkAgent.Items;

namespace BenchmarkAgent.Testing.Tests.TestCases;

public sealed class BenchmarkCatalogTests
{
    private static BenchmarkItem Item(string id, bool excluded = false) =>
        new(id, "sub", Difficulty.Easy, "What is 1 plus 1?", [], ExpectedAnswer.Number(2), new ItemProvenance(new FamilySource("sub"), "0000000000000001", 0, 0, [], []))
        {
            Curation = new ItemCuration(Excluded: excluded, Reason: excluded ? "ambiguous" : null),
        };

    [Fact]
    public void Excluded_items_are_not_runnable_and_the_others_keep_their_order()
    {
        string path = Path.Combine(Path.GetTempPath(), "ba-catalog-" + Guid.NewGuid().ToString("N") + ".json");
        try
        {
            File.WriteAllBytes(path, SnapshotWriter.ItemsBytes("Bench", [Item("aaaaaaaaaa"), Item("bbbbbbbbbb", excluded: true), Item("cccccccccc")]));

            var items = BenchmarkCatalog.ReadRunnableItems(path);

            Assert.Equal(["aaaaaaaaaa", "cccccccccc"], items.Select(i => i.Id));
            Assert.Equal(3, SnapshotReader.ReadItems(path).Count);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
