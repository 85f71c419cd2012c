using System.Text.RegularExpressions;
using BenchmarkAgent.Families;

namespace BenchmarkAgent.Core.Tests.Families;

public sealed class FamilyCatalogTests
{
    [Fact]
    public void Ids_are_unique_kebab_case()
    {
        var ids = BuiltInTaskFamilies.All.Select(f => f.Card.Id).ToList();
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.All(ids, id => Assert.Matches("^[a-z0-9]+(-[a-z0-9]+)*$", id));
    }

    [Fact]
    public void Catalog_spans_at_least_twelve_skills_and_forty_families()
    {
        // Issue 3: at least 40 procedural families across at least 8 skill areas.
        Assert.True(BuiltInTaskFamilies.All.Count >= 40, $"only {BuiltInTaskFamilies.All.Count} families");
        Assert.True(BuiltInTaskFamilies.All.Select(f => f.Card.Skill).Distinct().Count() >= 12);
    }

    [Fact]
    public void The_first_fourteen_ids_keep_their_order()
    {
        // Ids are item provenance: new families are appended, never inserted or renamed.
        string[] original =
        [
            "multi-step-arithmetic", "percentage-change", "ratio-sharing", "unit-conversion", "days-between-dates",
            "weekday-after-days", "clock-arithmetic", "comparison-ordering", "knights-and-knaves", "string-transform",
            "list-operations", "number-sequence", "needle-retrieval", "program-output",
        ];
        Assert.Equal(original, BuiltInTaskFamilies.All.Take(original.Length).Select(f => f.Card.Id));
    }

    [Fact]
    public void Every_card_is_complete()
    {
        foreach (var family in BuiltInTaskFamilies.All)
        {
            var card = family.Card;
            Assert.InRange(card.Keywords.Count, 6, 15);
            Assert.Equal(card.Keywords.Count, card.Keywords.Distinct(StringComparer.OrdinalIgnoreCase).Count());
            Assert.False(string.IsNullOrWhiteSpace(card.Title));
            Assert.False(string.IsNullOrWhiteSpace(card.Description));
            Assert.Matches("^[a-z]+$", card.Skill);
        }
    }

    [Fact]
    public void Find_returns_the_family_or_null()
    {
        foreach (var family in BuiltInTaskFamilies.All)
        {
            Assert.Same(family, BuiltInTaskFamilies.Find(family.Card.Id));
        }

        Assert.Null(BuiltInTaskFamilies.Find("no-such-family"));
    }
}
