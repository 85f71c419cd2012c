using BenchmarkAgent.Families;

namespace BenchmarkAgent.Core.Tests.Families;

/// <summary>Theory data shared by the family tests: one row per built-in family id.</summary>
internal static class FamilyTestData
{
    public static TheoryData<string> FamilyIds()
    {
        var data = new TheoryData<string>();
        foreach (var family in BuiltInTaskFamilies.All)
        {
            data.Add(family.Card.Id);
        }

        return data;
    }

    public static ITaskFamily Get(string id) =>
        BuiltInTaskFamilies.Find(id) ?? throw new InvalidOperationException($"unknown family {id}");
}
