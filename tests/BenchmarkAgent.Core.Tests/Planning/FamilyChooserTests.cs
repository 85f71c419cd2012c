using BenchmarkAgent.Families;
using BenchmarkAgent.Grounding;
using BenchmarkAgent.Planning;

namespace BenchmarkAgent.Core.Tests.Planning;

public sealed class FamilyChooserTests
{
    private static readonly FamilyCatalog Catalog = new(BuiltInTaskFamilies.All);

    private static DatasetCard SqlCard() => new(
        "text-to-sql",
        "Natural language questions over a database schema with the SQL query that answers them.",
        ["text to sql", "semantic parsing"],
        ["text"],
        AnswerType.ShortText,
        ["sql", "database", "schema", "query"]);

    [Fact]
    public void A_grounded_dataset_covers_a_query_the_families_do_not_and_the_families_stay_out()
    {
        const string query = "Translate questions into SQL over a schema";
        Assert.False(FamilyChooser.Choose(Catalog, query, [], allowWeak: false).Covered);

        var choice = FamilyChooser.Choose(Catalog, query, [SqlCard()], allowWeak: false);

        Assert.True(choice.Covered);
        Assert.Empty(choice.Chosen);
        Assert.True(choice.Coverage >= FamilyChooser.MinimumCoverage, $"coverage {choice.Coverage}");
    }

    [Fact]
    public void Dataset_cards_join_the_pool_without_changing_the_family_choice_of_a_catalog_query()
    {
        const string query = "Knights and knaves logic puzzles";

        var alone = FamilyChooser.Choose(Catalog, query, [], allowWeak: false);
        var pooled = FamilyChooser.Choose(Catalog, query, [SqlCard()], allowWeak: false);

        Assert.Equal(alone.Chosen.Select(m => m.Family.Card.Id), pooled.Chosen.Select(m => m.Family.Card.Id));
        Assert.True(pooled.Covered);
    }

    [Fact]
    public void Unmatched_terms_name_what_no_card_knows_most_informative_first()
    {
        var choice = FamilyChooser.Choose(Catalog, "Triage patient symptoms and suggest an urgency level", [], allowWeak: false);

        Assert.False(choice.Covered);
        Assert.Empty(choice.Chosen);
        Assert.Contains("symptom", choice.UnmatchedTerms);
        Assert.Equal("level", choice.UnmatchedTerms[^1]);
    }

    [Fact]
    public void An_empty_catalog_query_after_modifiers_is_not_covered()
    {
        var choice = FamilyChooser.Choose(Catalog, "multiple choice with typos", [], allowWeak: false);

        Assert.False(choice.Covered);
        Assert.Equal(0, choice.Coverage);
        Assert.Equal(2, choice.Modifiers.Count);
    }
}
