using BenchmarkAgent.Execution;
using BenchmarkAgent.Families;
using BenchmarkAgent.Planning;
using BenchmarkAgent.Snapshots;

namespace BenchmarkAgent.Core.Tests.Execution;

public sealed class BenchmarkExecutorTests
{
    private const string MixedQuery = "date arithmetic: days between dates and weekdays";

    private static readonly OfflinePlanner Planner = new(new FamilyCatalog(BuiltInTaskFamilies.All));
    private static readonly SnapshotGenerator Generator = new();

    /// <summary>The fingerprint is only recorded, never interpreted, by generation.</summary>
    private const string Fingerprint = "sha256:test";

    private static BenchmarkSnapshot Execute(BenchmarkPlan plan, CancellationToken cancellationToken) =>
        Generator.Generate(plan, Fingerprint, cancellationToken: cancellationToken);

    private static BenchmarkSnapshot Run(string query, int quota, int seed, Difficulty? difficulty = null) =>
        Execute(Planner.Plan(new BenchmarkRequest("Bench", query, quota, seed, difficulty)), TestContext.Current.CancellationToken);

    [Fact]
    public void Same_request_and_seed_give_identical_items()
    {
        var a = Run(MixedQuery, 40, 7);
        var b = Run(MixedQuery, 40, 7);

        Assert.Equal(40, a.Items.Count);
        Assert.Equal(a.Items.Count, b.Items.Count);
        for (int i = 0; i < a.Items.Count; i++)
        {
            ItemAssert.Same(a.Items[i], b.Items[i]);
        }
    }

    [Fact]
    public void Another_seed_gives_different_items()
    {
        var a = Run(MixedQuery, 40, 7);
        var b = Run(MixedQuery, 40, 8);

        Assert.Equal(a.Items.Select(i => i.Subtask), b.Items.Select(i => i.Subtask));
        Assert.Empty(a.Items.Select(i => i.Id).Intersect(b.Items.Select(i => i.Id)));
        int samePrompts = a.Items.Zip(b.Items).Count(p => p.First.Prompt == p.Second.Prompt);
        Assert.True(samePrompts < a.Items.Count / 4, $"{samePrompts} of {a.Items.Count} prompts did not change with the seed");
    }

    [Fact]
    public void Growing_the_quota_keeps_the_first_items_of_every_subtask()
    {
        var smallPlan = Planner.Plan(new BenchmarkRequest("Bench", MixedQuery, 40, 3));
        var largePlan = Planner.Plan(new BenchmarkRequest("Bench", MixedQuery, 60, 3));
        var small = Execute(smallPlan, TestContext.Current.CancellationToken);
        var large = Execute(largePlan, TestContext.Current.CancellationToken);

        Assert.Equal(smallPlan.Subtasks.Select(s => s.Name), largePlan.Subtasks.Select(s => s.Name));
        Assert.True(smallPlan.Subtasks.Count >= 2);
        foreach (var subtask in smallPlan.Subtasks)
        {
            var before = small.Items.Where(i => i.Subtask == subtask.Name).ToList();
            var after = large.Items.Where(i => i.Subtask == subtask.Name).ToList();
            Assert.Equal(subtask.Quota, before.Count);
            Assert.True(after.Count >= before.Count, $"{subtask.Name} shrank from {before.Count} to {after.Count}");
            for (int i = 0; i < before.Count; i++)
            {
                ItemAssert.Same(before[i], after[i]);
            }
        }

        Assert.Equal(60, large.Items.Count);
    }

    [Fact]
    public void Item_ids_are_unique_and_ten_hex_digits()
    {
        var result = Run("arithmetic math reasoning logic puzzles temporal reasoning calendar time dates lists strings sequences code", 120, 1);

        Assert.Equal(120, result.Items.Count);
        Assert.Equal(result.Items.Count, result.Items.Select(i => i.Id).Distinct(StringComparer.Ordinal).Count());
        Assert.All(result.Items, i => Assert.Matches("^[0-9a-f]{10}$", i.Id));
    }

    [Fact]
    public void Every_item_passes_its_familys_checker()
    {
        var result = Run("arithmetic math reasoning logic puzzles temporal reasoning calendar time dates lists strings sequences code", 90, 5);

        Assert.All(result.Items, item =>
        {
            var family = BuiltInTaskFamilies.Find(item.Subtask);
            Assert.NotNull(family);
            Assert.Equal(new FamilySource(item.Subtask), item.Provenance.Source);
            Assert.Equal("family:" + item.Subtask, item.Provenance.Source.ToString());
            var check = family.Check(new FamilySample(item.Prompt, item.Answer, item.Choices));
            Assert.True(check.Agrees, $"{item.Id}: {check.Detail}");
        });
    }

    [Fact]
    public void Items_are_ordered_by_subtask_then_position_and_record_the_checks()
    {
        var plan = Planner.Plan(new BenchmarkRequest("Bench", MixedQuery, 30, 2));
        var result = Execute(plan, TestContext.Current.CancellationToken);

        var expectedOrder = plan.Subtasks.SelectMany(s => Enumerable.Range(0, s.Quota).Select(i => (s.Name, i)));
        Assert.Equal(expectedOrder, result.Items.Select(i => (i.Subtask, i.Provenance.Index)));
        Assert.All(result.Items, i => Assert.Equal(["schema", "checker", "leakage", "duplicate"], i.Provenance.Checks));
        Assert.Equal(plan.Subtasks.Select(s => (s.Name, s.Quota)), result.Reports.Select(r => (r.Subtask, r.Accepted)));
    }

    [Fact]
    public void Mixed_difficulty_cycles_easy_medium_hard_within_each_subtask()
    {
        var result = Run(MixedQuery, 40, 11);

        Difficulty[] cycle = [Difficulty.Easy, Difficulty.Medium, Difficulty.Hard];
        Assert.All(result.Items, i => Assert.Equal(cycle[i.Provenance.Index % 3], i.Difficulty));
        Assert.Contains(result.Items, i => i.Difficulty == Difficulty.Hard);
    }

    [Theory]
    [InlineData(nameof(Difficulty.Easy))]
    [InlineData(nameof(Difficulty.Hard))]
    public void Fixed_difficulty_applies_to_every_item(string difficultyName)
    {
        var difficulty = Enum.Parse<Difficulty>(difficultyName);
        var result = Run(MixedQuery, 20, 11, difficulty);

        Assert.Equal(20, result.Items.Count);
        Assert.All(result.Items, i => Assert.Equal(difficulty, i.Difficulty));
    }

    [Fact]
    public void A_family_whose_checker_always_fails_falls_short()
    {
        var family = new RejectedFamily();
        var generator = new SnapshotGenerator([family]);
        var plan = generator.Plan(new BenchmarkRequest("Bench", "always rejected items", 5));

        var ex = Assert.Throws<QuotaShortfallException>(() => generator.Generate(plan, Fingerprint, cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal("always-rejected", ex.Subtask);
        Assert.Equal(5, ex.Quota);
        Assert.Equal(0, ex.Produced);
        Assert.Contains("checker", ex.Message);
        Assert.Contains("never agrees", ex.Message);
        Assert.Equal(BenchmarkExecutor.MaxAttemptsPerItem, family.Generated);
    }

    [Fact]
    public void A_subtask_with_an_unknown_source_is_an_error()
    {
        var plan = Planner.Plan(new BenchmarkRequest("Bench", MixedQuery, 5));
        var broken = plan with { Subtasks = [plan.Subtasks[0] with { Source = new FamilySource("no-such-family") }] };

        Assert.Throws<InvalidOperationException>(() => Execute(broken, TestContext.Current.CancellationToken));
    }

    [Fact]
    public void Cancellation_stops_execution()
    {
        var plan = Planner.Plan(new BenchmarkRequest("Bench", MixedQuery, 5));
        using var cts = new CancellationTokenSource();
        cts.Cancel();

        Assert.Throws<OperationCanceledException>(() => Execute(plan, cts.Token));
    }

    /// <summary>A family that generates well-formed samples its own checker rejects.</summary>
    private sealed class RejectedFamily : ITaskFamily
    {
        public int Generated { get; private set; }

        public TaskFamilyCard Card { get; } = new(
            "always-rejected",
            "Always rejected",
            "Samples that the checker never accepts.",
            "testing",
            ["always rejected", "rejected items"],
            AnswerType.Number);

        public FamilySample Generate(ulong seed, Difficulty difficulty)
        {
            Generated++;
            return new FamilySample($"What is {seed % 1000} plus one?", ExpectedAnswer.Number((seed % 1000) + 1));
        }

        public CheckResult Check(FamilySample sample) => CheckResult.Fail("the checker never agrees");
    }
}
