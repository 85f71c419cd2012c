using BenchmarkAgent.Families;
using BenchmarkAgent.Media;

namespace BenchmarkAgent.Media.Tests;

/// <summary>Theory data: one row per media family id.</summary>
internal static class MediaFamilyData
{
    public static TheoryData<string> FamilyIds()
    {
        var data = new TheoryData<string>();
        foreach (var family in MediaTaskFamilies.All)
        {
            data.Add(family.Card.Id);
        }

        return data;
    }

    public static ITaskFamily Get(string id) =>
        MediaTaskFamilies.All.FirstOrDefault(f => f.Card.Id == id) ?? throw new InvalidOperationException($"unknown family {id}");

    /// <summary>The identity of a sample as a benchmark sees it: prompt plus the hashes of its media.</summary>
    public static string Key(FamilySample sample) =>
        sample.Prompt + "\u001f" + string.Join(",", sample.Media.Select(m => m.Sha256));
}
