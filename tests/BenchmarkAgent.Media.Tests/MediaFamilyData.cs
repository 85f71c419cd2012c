using BenchmarkAgent.Families;
using BenchmarkAgent.Media;

namespace BenchmarkAgent.Media.Tests;

/// <summary>Theory data: one row per media family id.</summary>
internal static class MediaFamilyData
{
    public static TheoryData<string> FamilyIds()
    {
        var data = new TheoryData<string>();
        foreach (var family in All)
        {
            data.Add(family.Card.Id);
        }

        return data;
    }

    public static ITaskFamily Get(string id) =>
        All.FirstOrDefault(f => f.Card.Id == id) ?? throw new InvalidOperationException($"unknown family {id}");

    /// <summary>Every media family this machine runs (spoken digits only where espeak-ng is installed).</summary>
    public static IReadOnlyList<ITaskFamily> All { get; } = MediaTaskFamilies.Create(Environment.GetEnvironmentVariable("PATH")).Families;

    /// <summary>The identity of a sample as a benchmark sees it: prompt plus the hashes of its media.</summary>
    public static string Key(FamilySample sample) =>
        sample.Prompt + "\u001f" + string.Join(",", sample.Media.Select(m => m.Sha256));
}
