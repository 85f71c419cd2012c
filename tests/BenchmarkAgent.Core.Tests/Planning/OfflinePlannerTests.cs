using BenchmarkAgent.Families;
using BenchmarkAgent.Planning;

namespace BenchmarkAgent.Core.Tests.Planning;

public sealed class OfflinePlannerTests
{
    private static readonly OfflinePlanner Planner = new(new FamilyCatalog(BuiltInTaskFamilies.All));

    private static BenchmarkPlan Plan(string query, int quota = 40, int seed = 0) =>
        Planner.Plan(new BenchmarkRequest("Bench", query, quota, seed));

    [Fact]
    public void Arithmetic_query_puts_multi_step_arithmetic_first_without_warnings()
    {
        var plan = Plan("Multi-step arithmetic word problems with irrelevant facts");

        Assert.Equal("multi-step-arithmetic", plan.Subtasks[0].Name);
        Assert.Equal(new FamilySource("multi-step-arithmetic"), plan.Subtasks[0].Source);
        Assert.Equal("family:multi-step-arithmetic", plan.Subtasks[0].Source.ToString());
        Assert.Equal(OfflinePlanner.BackboneName, plan.Backbone);
        Assert.Empty(plan.Warnings);
    }

    [Fact]
    public void Date_query_picks_the_temporal_families()
    {
        var plan = Plan("date arithmetic: days between dates and weekdays");
        var names = plan.Subtasks.Select(s => s.Name).ToList();

        // The two date families lead; a family matching only the single word "arithmetic" may follow them.
        Assert.Equal(["days-between-dates", "weekday-after-days"], names.Take(2));
        Assert.All(plan.Subtasks.Take(2), s => Assert.Equal("temporal", s.Skill));
        Assert.True(plan.Subtasks.Where(s => s.Skill == "temporal").Sum(s => s.Quota) > plan.Request.Quota / 2, "temporal subtasks hold less than half the quota");
        Assert.Empty(plan.Warnings);
    }

    [Theory]
    [InlineData("date arithmetic")]
    [InlineData("Date arithmetic questions")]
    public void A_phrase_query_plans_only_the_families_of_that_phrase(string query)
    {
        var plan = Plan(query);

        // "arithmetic" inside the phrase "date arithmetic" is no evidence for ratio sharing or multi-step arithmetic.
        Assert.NotEmpty(plan.Subtasks);
        Assert.All(plan.Subtasks, s => Assert.Equal("temporal", s.Skill));
        Assert.Contains(plan.Subtasks, s => s.Name == "days-between-dates");
        Assert.Empty(plan.Warnings);
    }

    [Fact]
    public void A_word_used_on_its_own_as_well_as_in_a_phrase_still_counts_alone()
    {
        var ranked = new FamilyCatalog(BuiltInTaskFamilies.All).Rank("date arithmetic and arithmetic word problems");
        var ratio = ranked.Single(m => m.Family.Card.Id == "ratio-sharing");

        Assert.Contains("arithmetic", ratio.MatchedTerms);
        Assert.True(ratio.Score > 0);
    }

    [Fact]
    public void Knights_and_knaves_query_picks_knights_and_knaves()
    {
        var plan = Plan("knights and knaves logic puzzles");

        Assert.Equal("knights-and-knaves", plan.Subtasks[0].Name);
        Assert.Equal(AnswerType.Choice, plan.Subtasks[0].AnswerType);
    }

    [Fact]
    public void Off_topic_query_fails_with_the_guidance_error_by_default()
    {
        var ex = Assert.Throws<UncoveredQueryException>(() => Plan("poetry about the sea in French"));

        Assert.Equal("BA0310", ex.Code);
        Assert.Contains("BENCHAGENT_GENERATOR_ENDPOINT", ex.Message);
        Assert.Contains("Datasets=", ex.Message);
        Assert.Contains("AllowWeakMatch=\"true\"", ex.Message);
        Assert.Contains("'poetry'", ex.Message);
    }

    [Fact]
    public void Off_topic_query_with_AllowWeakMatch_warns_of_a_weak_match_and_names_the_closest_families()
    {
        var plan = Planner.Plan(new BenchmarkRequest("Bench", "poetry about the sea in French", 40) { AllowWeakMatch = true });

        var warning = Assert.Single(plan.Warnings);
        Assert.Contains("matches no task family well", warning);
        Assert.Contains("closest matches", warning);
        Assert.Equal(3, plan.Subtasks.Count);
        foreach (var subtask in plan.Subtasks)
        {
            Assert.Contains(subtask.Name, warning);
            Assert.Contains("a weak match", subtask.Rationale);
        }

        Assert.False(plan.Retrieval!.Covered);
        Assert.Equal(40, plan.Subtasks.Sum(s => s.Quota));
    }

    [Fact]
    public void On_topic_queries_produce_no_warning()
    {
        Assert.Empty(Plan("knights and knaves logic puzzles").Warnings);
    }

    [Theory]
    [InlineData("Multi-step arithmetic word problems with irrelevant facts", 40)]
    [InlineData("date arithmetic: days between dates and weekdays", 7)]
    [InlineData("knights and knaves logic puzzles", 1)]
    [InlineData("poetry about the sea in French", 2)]
    [InlineData("arithmetic math reasoning logic puzzles temporal reasoning calendar time dates lists strings sequences code", 100)]
    [InlineData("arithmetic math reasoning logic puzzles temporal reasoning calendar time dates lists strings sequences code", 3)]
    public void Subtask_quotas_sum_to_the_request_quota(string query, int quota)
    {
        var plan = Planner.Plan(new BenchmarkRequest("Bench", query, quota) { AllowWeakMatch = true });

        Assert.Equal(quota, plan.Subtasks.Sum(s => s.Quota));
        Assert.All(plan.Subtasks, s => Assert.True(s.Quota >= 1, $"{s.Name} has quota {s.Quota}"));
        Assert.True(plan.Subtasks.Count <= Math.Min(quota, OfflinePlanner.MaxSubtasks));
    }

    [Fact]
    public void A_broad_query_is_capped_at_three_families_chosen_by_lexical_score()
    {
        const string broad = "arithmetic math reasoning logic puzzles temporal reasoning calendar time dates lists strings sequences code";
        var hits = new FamilyCatalog(BuiltInTaskFamilies.All).Index.Search(broad);

        var plan = Plan(broad, 100);

        // The paper plans one to three subtasks; a broad query no longer pads the plan with six families.
        Assert.Equal(OfflinePlanner.MaxSubtasks, plan.Subtasks.Count);
        Assert.Equal(3, OfflinePlanner.MaxSubtasks);
        Assert.Equal(hits.Take(3).Select(h => h.Id["family:".Length..]), plan.Subtasks.Select(s => s.Name));
    }

    [Fact]
    public void Rationale_names_the_matched_terms()
    {
        var plan = Plan("knights and knaves logic puzzles");
        var first = plan.Subtasks[0];

        Assert.Contains("the query mentions:", first.Rationale);
        Assert.Contains("knights and knaves", first.Rationale);
        Assert.Contains("logic puzzle", first.Rationale);
        Assert.StartsWith("Chosen 1 of 1 by lexical retrieval: score ", first.Rationale);
        Assert.Contains("BM25 ", first.Rationale);
        Assert.Contains("TF-IDF cosine ", first.Rationale);
        Assert.Contains("matched terms: knav, knight", first.Rationale);
        Assert.NotNull(first.Retrieval);
        Assert.Equal(first.Relevance, first.Retrieval.Combined);
    }

    [Fact]
    public void More_relevant_subtasks_get_at_least_as_many_items()
    {
        var plan = Plan("date arithmetic: days between dates and weekdays", 60);

        for (int i = 1; i < plan.Subtasks.Count; i++)
        {
            Assert.True(plan.Subtasks[i - 1].Relevance >= plan.Subtasks[i].Relevance);
            Assert.True(plan.Subtasks[i - 1].Quota >= plan.Subtasks[i].Quota);
        }
    }

    [Fact]
    public void Fixed_difficulty_is_carried_to_every_subtask()
    {
        var plan = Planner.Plan(new BenchmarkRequest("Bench", "date arithmetic: days between dates and weekdays", 30, 0, Difficulty.Hard));

        Assert.All(plan.Subtasks, s => Assert.Equal(Difficulty.Hard, s.Difficulty));
    }

    [Fact]
    public void Plan_is_deterministic()
    {
        var a = Plan("date arithmetic: days between dates and weekdays", 50, 3);
        var b = new OfflinePlanner(new FamilyCatalog(BuiltInTaskFamilies.All)).Plan(new BenchmarkRequest("Bench", "date arithmetic: days between dates and weekdays", 50, 3));

        Assert.Equal(a.Subtasks, b.Subtasks);
        Assert.Equal(a.Warnings, b.Warnings);
        Assert.Equal(a.Backbone, b.Backbone);
    }

    [Fact]
    public async Task PlanAsync_returns_the_same_plan_as_Plan()
    {
        var request = new BenchmarkRequest("Bench", "knights and knaves logic puzzles", 12);

        var plan = await Planner.PlanAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(Planner.Plan(request).Subtasks, plan.Subtasks);
    }
}
