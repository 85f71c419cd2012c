using BenchmarkAgent.Families;
using BenchmarkAgent.Planning;

namespace BenchmarkAgent.Core.Tests.Planning;

/// <summary>Query modifiers in an offline plan: mapped to transformations, honoured natively or reported.</summary>
public sealed class ModifierPlanningTests
{
    private static readonly OfflinePlanner Planner = new(new FamilyCatalog(BuiltInTaskFamilies.All));

    private static BenchmarkPlan Plan(string query) => Planner.Plan(new BenchmarkRequest("Bench", query, 20, 1));

    [Fact]
    public void Irrelevant_facts_are_native_to_multi_step_arithmetic_and_raise_no_warning()
    {
        var plan = Plan("Multi-step arithmetic word problems with irrelevant facts");

        var application = Assert.Single(plan.Retrieval!.Modifiers);
        Assert.Equal(("multi-step-arithmetic", "irrelevant-context", "irrelevant-context-injection", ModifierApplication.Native),
            (application.Subtask, application.Modifier, application.Transformation, application.Mode));
        Assert.Empty(plan.Warnings);
    }

    [Fact]
    public void Modifiers_do_not_pull_in_families_and_unmet_ones_are_warned_about()
    {
        // "multiple choice" once pulled in least common multiples; the modifier words now only ask for a form.
        var plan = Plan("Arithmetic word problems as multiple choice with typos");

        Assert.DoesNotContain(plan.Subtasks, s => s.Name == "gcd-lcm");
        var modes = plan.Retrieval!.Modifiers.Select(m => (m.Modifier, m.Mode)).Distinct().ToList();
        Assert.Contains(("surface-noise", ModifierApplication.NotApplied), modes);
        Assert.Contains(("multiple-choice", ModifierApplication.NotApplied), modes);
        Assert.Contains(plan.Warnings, w => w.Contains("surface-noise", StringComparison.Ordinal) && w.Contains("Configure a generator", StringComparison.Ordinal));
        Assert.Contains(plan.Warnings, w => w.Contains("open-to-multiple-choice", StringComparison.Ordinal));
    }

    [Fact]
    public void A_modifier_that_one_subtask_honours_qualifies_that_part_of_the_query_and_raises_no_warning()
    {
        var plan = Plan("Multi-step arithmetic word problems with irrelevant facts, and knights and knaves logic puzzles");

        var modes = plan.Retrieval!.Modifiers.ToDictionary(m => m.Subtask, m => m.Mode);
        Assert.Equal(ModifierApplication.Native, modes["multi-step-arithmetic"]);
        Assert.Equal(ModifierApplication.NotApplied, modes["knights-and-knaves"]);
        Assert.Empty(plan.Warnings);
    }

    [Fact]
    public void Multiple_choice_is_native_to_a_choice_family()
    {
        var plan = Plan("Knights and knaves logic puzzles as multiple-choice questions");

        Assert.Equal("knights-and-knaves", Assert.Single(plan.Subtasks).Name);
        Assert.Equal(ModifierApplication.Native, Assert.Single(plan.Retrieval!.Modifiers).Mode);
        Assert.Empty(plan.Warnings);
    }

    [Fact]
    public void Fresh_numbers_are_native_to_every_family()
    {
        var plan = Plan("Percentage change and discount problems with fresh numbers");

        Assert.All(plan.Retrieval!.Modifiers, m => Assert.Equal(("fresh-numbers", ModifierApplication.Native), (m.Modifier, m.Mode)));
        Assert.NotEmpty(plan.Retrieval.Modifiers);
    }
}
