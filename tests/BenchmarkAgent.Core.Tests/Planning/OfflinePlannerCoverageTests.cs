using BenchmarkAgent.Families;
using BenchmarkAgent.Planning;

namespace BenchmarkAgent.Core.Tests.Planning;

/// <summary>
/// Issue 13, the honest offline default: queries a new user would write. Catalog queries plan only the families that
/// match them (1-3, no padding); queries outside the catalog fail with BA0310 unless weak matches are allowed.
/// </summary>
public sealed class OfflinePlannerCoverageTests
{
    private static readonly OfflinePlanner Planner = new(new FamilyCatalog(BuiltInTaskFamilies.All));

    private static BenchmarkPlan Plan(string query, bool allowWeak = false) =>
        Planner.Plan(new BenchmarkRequest("Bench", query, 30, 5) { AllowWeakMatch = allowWeak });

    /// <summary>Query, the family that must lead, and every family the plan may hold.</summary>
    public static IEnumerable<TheoryDataRow<string, string, string[]>> CatalogQueries() =>
    [
        new("Pull values out of JSON records embedded in text, including nested fields", "json-extraction", ["json-extraction"]),
        new("Extract fields from invoices into JSON", "json-extraction", ["json-extraction"]) { Label = "issue: invoice to JSON got date arithmetic" },
        new("Character-level string manipulation: reverse words, count letters", "string-transform",
            ["string-transform", "run-length-encoding", "caesar-cipher", "anagram-check", "wildcard-matching"]) { Label = "issue: got age puzzles and arithmetic" },
        new("Can the model follow formatting instructions exactly, like uppercase and separators", "instruction-following",
            ["instruction-following", "verifiable-constraints", "string-transform"]) { Label = "issue: formatting got gcd/lcm" },
        new("Knights and knaves: figure out who is lying", "knights-and-knaves", ["knights-and-knaves"]),
        new("Convert numbers between binary and hexadecimal", "base-conversion", ["base-conversion"]),
        new("Find the cheapest offer per unit when grocery shopping", "best-buy", ["best-buy"]),
        new("Schedule a meeting when everyone is free", "meeting-scheduling", ["meeting-scheduling"]),
        new("Predict what a short Python loop prints", "program-output", ["program-output"]),
        new("Decode messages encrypted with a Caesar shift", "caesar-cipher", ["caesar-cipher"]),
        new("Find one hidden fact in a long document full of filler", "needle-retrieval", ["needle-retrieval"]),
        new("How many days are there between two dates, counting leap years", "days-between-dates", ["days-between-dates", "weekday-after-days"]),
        new("Word problems about how old people are, with distractors", "age-puzzle", ["age-puzzle"]),
        new("Shortest route between towns on a road map", "shortest-path", ["shortest-path"]),
        new("Which cell does a robot end on after following moves on a grid", "spatial-grid", ["spatial-grid", "grid-paths"]),
        new("Fewest coins needed to pay an exact amount", "coin-change", ["coin-change"]),
        new("Savings account balance after compound interest", "compound-interest", ["compound-interest"]),
        new("Sort the project tasks so every dependency comes first", "task-ordering", ["task-ordering"]),
        new("date arithmetic: days between dates and weekdays, and clock arithmetic", "days-between-dates",
            ["days-between-dates", "weekday-after-days", "clock-arithmetic"]),
    ];

    /// <summary>Queries no built-in family or registered dataset covers, worded in different ways.</summary>
    public static IEnumerable<TheoryDataRow<string>> OutsideQueries() =>
    [
        new("Answer customer questions according to our refund and support policy"),
        new("Turn questions about a sales database into SQL queries"),
        new("Translate questions into SQL over a schema"),
        new("Check whether a summary is faithful to the source article"),
        new("Translate English sentences into German"),
        new("Read values off bar charts and line plots"),
        new("Map spoken voice commands to smart home actions"),
        new("Choose the right tool and arguments for an API function call"),
        new("Find and fix the bug in a short Python function"),
        new("Triage patient symptoms and suggest an urgency level"),
        new("Refuse harmful requests safely while helping with benign ones"),
        new("Politely refuse unsafe requests but help with harmless ones"),
        new("Sentiment classification of product reviews"),
        new("Named entity recognition in news articles"),
        new("Write a haiku about autumn"),
        new("Seating arrangement deduction: who sits next to whom at a round table") { Label = "issue: seating deduction missed" },
        new("Track events described from multiple perspectives and answer who did what when") { Label = "issue: became reading comprehension" },
        new("Detect sarcasm in tweets"),
        new("Summarise meeting transcripts into action items"),
        new("Classify the intent of banking chatbot messages"),
    ];

    [Theory]
    [MemberData(nameof(CatalogQueries))]
    public void A_catalog_query_plans_only_matching_families(string query, string lead, string[] allowed)
    {
        var plan = Plan(query);

        Assert.Equal(lead, plan.Subtasks[0].Name);
        Assert.InRange(plan.Subtasks.Count, 1, 3);
        Assert.All(plan.Subtasks, s => Assert.Contains(s.Name, allowed));
        Assert.True(plan.Retrieval!.Covered);
        Assert.True(plan.Retrieval.Coverage >= FamilyChooser.MinimumCoverage);
        Assert.Equal(30, plan.Subtasks.Sum(s => s.Quota));
    }

    [Fact]
    public void The_measured_padding_is_gone()
    {
        Assert.DoesNotContain(Plan("Extract fields from invoices into JSON").Subtasks, s => s.Skill == "temporal");
        Assert.DoesNotContain(Plan("Character-level string manipulation: reverse words, count letters").Subtasks, s => s.Skill == "arithmetic");
        Assert.DoesNotContain(Plan("Can the model follow formatting instructions exactly, like uppercase and separators").Subtasks, s => s.Name == "gcd-lcm");
    }

    [Theory]
    [MemberData(nameof(OutsideQueries))]
    public void A_query_outside_the_catalog_fails_with_the_guidance_error(string query)
    {
        var ex = Assert.Throws<UncoveredQueryException>(() => Plan(query));

        Assert.Equal("BA0310", ex.Code);
        Assert.Contains("BENCHAGENT_GENERATOR_ENDPOINT", ex.Message);
        Assert.Contains("BENCHAGENT_GENERATOR_MODEL", ex.Message);
        Assert.Contains("BenchmarkAgentGenerator", ex.Message);
        Assert.Contains("Datasets=", ex.Message);
        Assert.Contains("AllowWeakMatch=\"true\"", ex.Message);
        Assert.Contains("no family matches:", ex.Message);
    }

    [Theory]
    [MemberData(nameof(OutsideQueries))]
    public void With_AllowWeakMatch_an_outside_query_is_never_silent(string query)
    {
        if (QueryModality.Detect(query) is [var (kind, _), ..])
        {
            // Issue 15: a query for images or audio never gets text items, not even as a weak match.
            var ex = Assert.Throws<UncoveredQueryException>(() => Plan(query, allowWeak: true));
            Assert.Contains($"asks for {QueryModality.Name(kind)} items", ex.Message, StringComparison.Ordinal);
            return;
        }

        var plan = Plan(query, allowWeak: true);

        Assert.Contains(plan.Warnings, w => w.Contains("matches no task family well", StringComparison.Ordinal));
        Assert.False(plan.Retrieval!.Covered);
        Assert.All(plan.Subtasks, s => Assert.Contains("a weak match", s.Rationale));
    }

    [Fact]
    public void The_plan_records_why_each_family_was_chosen_and_the_close_rejections()
    {
        var plan = Plan("Character-level string manipulation: reverse words, count letters");

        Assert.All(plan.Subtasks, s =>
        {
            Assert.NotNull(s.Retrieval);
            Assert.NotEmpty(s.Retrieval.MatchedTerms);
            Assert.True(s.Retrieval.Bm25 > 0);
            Assert.Contains("BM25", s.Rationale);
        });
        var rejected = plan.Retrieval!.Rejected;
        Assert.NotEmpty(rejected);
        Assert.All(rejected, r => Assert.DoesNotContain(plan.Subtasks, s => s.Name == r.Name));
        var anagram = Assert.Single(rejected, r => r.Name == "anagram-check");
        Assert.Contains("below 0.6 of the best score", anagram.Reason);
        Assert.NotEmpty(anagram.Lexical.MatchedTerms);
    }

    [Fact]
    public void Quota_follows_the_lexical_score()
    {
        var plan = Planner.Plan(new BenchmarkRequest("Bench", "date arithmetic: days between dates and weekdays, and clock arithmetic", 60));

        Assert.Equal(["days-between-dates", "weekday-after-days", "clock-arithmetic"], plan.Subtasks.Select(s => s.Name));
        Assert.True(plan.Subtasks[0].Quota > plan.Subtasks[2].Quota);
        Assert.All(plan.Subtasks, s => Assert.Equal(s.Retrieval!.Combined, s.Relevance));
    }
}
