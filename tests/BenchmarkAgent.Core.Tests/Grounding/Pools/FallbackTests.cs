using System.Globalization;
using System.Text;
using System.Text.Json;
using BenchmarkAgent.Execution;
using BenchmarkAgent.Planning;
using BenchmarkAgent.Snapshots;

namespace BenchmarkAgent.Core.Tests.Grounding.Pools;

public sealed class FallbackTests
{
    private static string Choices(TempFolder folder, string name, int records, Func<int, string> question, string second = "south")
    {
        var text = new StringBuilder();
        for (int i = 0; i < records; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"{{\"question\": \"{question(i)}\", \"choices\": [\"north {i}\", \"{second} {i}\", \"east {i}\"], \"answer\": \"A\"}}\n");
        }

        return folder.Write(name, text.ToString());
    }

    [Fact]
    public void A_dataset_whose_chains_pass_the_first_step_but_never_verify_is_replaced_by_the_next_candidate()
    {
        using var folder = new TempFolder();
        // Every record has two options that differ only in case: each chain applies (its first step reads the distinct
        // options), but the schema check rejects every sample as ambiguous. The old planner counted these records as
        // applicable, and generation failed (BA0301).
        string leaky = Choices(folder, "compass-directions-quiz.jsonl", 40, i => $"Which way is the pole star from camp {i}?", second: "NORTH");
        string good = Choices(folder, "compass-bearings.jsonl", 40, i => $"Which way does the needle of compass {i} point?");
        var request = new BenchmarkRequest("compass", "Multiple-choice compass directions quiz", 24) { Datasets = [leaky, good] };

        var snapshot = new SnapshotGenerator().Generate(request, TestContext.Current.CancellationToken);

        Assert.Equal(24, snapshot.Items.Count);
        Assert.All(snapshot.Items, i => Assert.Equal("compass-bearings", Assert.IsType<DatasetSource>(i.Provenance.Source).Dataset));
        using var plan = JsonDocument.Parse(SnapshotWriter.PlanBytes(snapshot));
        var warning = Assert.Single(plan.RootElement.GetProperty("warnings").EnumerateArray().Select(w => w.GetString()!), w => w.Contains("compass-directions-quiz", StringComparison.Ordinal));
        Assert.Contains("applies to none of the records", warning);
        Assert.Contains("schema: Two options have the same text", warning);
    }

    [Fact]
    public void A_small_dataset_is_exhausted_and_the_rest_of_its_share_goes_to_the_next_dataset()
    {
        using var folder = new TempFolder();
        string small = Choices(folder, "compass-small.jsonl", 6, i => $"Which way does the small needle {i} point?");
        string large = Choices(folder, "compass-large.jsonl", 80, i => $"Which way does the large needle {i} point?");
        var request = new BenchmarkRequest("compass", "Multiple-choice compass questions", 40) { Datasets = [small, large] };

        var snapshot = new SnapshotGenerator().Generate(request, TestContext.Current.CancellationToken);

        Assert.Equal(40, snapshot.Items.Count);
        var smallSubtask = snapshot.Plan.Subtasks.Single(s => s.Name == "dataset-compass-small");
        Assert.True(smallSubtask.Quota < 20, $"small quota {smallSubtask.Quota}");
        Assert.Contains(smallSubtask.Candidates, c => c.Decision == CandidateOutcome.Exhausted && c.Reason.Contains("rest of its share", StringComparison.Ordinal));
        Assert.Equal(40 - smallSubtask.Quota, snapshot.Plan.Subtasks.Single(s => s.Name == "dataset-compass-large").Quota);
    }

    [Fact]
    public void A_chain_that_realises_no_record_is_rejected_inside_its_subtask_with_the_reason()
    {
        using var folder = new TempFolder();
        // One record only: irrelevant-context injection needs sentences from other records and never realises.
        string single = Choices(folder, "compass-single.jsonl", 1, i => $"Which way does needle {i} point?");
        var request = new BenchmarkRequest("compass", "Multiple-choice compass questions", 1) { Datasets = [single] };

        var plan = new SnapshotGenerator().Plan(request);

        var subtask = Assert.Single(plan.Subtasks);
        var injection = subtask.Candidates.Single(c => c.Transformation == "irrelevant-context-injection+answer-format-constraint");
        Assert.Equal(CandidateOutcome.Rejected, injection.Decision);
        Assert.Equal(0, injection.Realisable);
        Assert.Contains("transformation", injection.Reason);
        Assert.DoesNotContain("irrelevant-context-injection+answer-format-constraint", subtask.Transformations);
    }

    [Fact]
    public void A_dataset_that_runs_out_at_generation_gives_what_it_produced_and_the_rest_goes_to_the_next_dataset()
    {
        using var folder = new TempFolder();
        // Every record is the same question under another id: each realises on its own (the planner's probe), but
        // generation soon rejects the repeats as duplicates. Without the fallback this was BA0301.
        var same = new StringBuilder();
        for (int i = 0; i < 60; i++)
        {
            same.Append(CultureInfo.InvariantCulture, $"{{\"id\": \"s{i}\", \"question\": \"Which way does the needle point?\", \"choices\": [\"north\", \"south\"], \"answer\": \"A\"}}\n");
        }

        string repeated = folder.Write("compass-repeated.jsonl", same.ToString());
        string varied = Choices(folder, "compass-varied.jsonl", 80, i => $"Which way does the varied needle {i} point?");
        var request = new BenchmarkRequest("compass", "Multiple-choice compass questions", 40) { Datasets = [repeated, varied] };

        var snapshot = new SnapshotGenerator().Generate(request, TestContext.Current.CancellationToken);

        Assert.Equal(40, snapshot.Items.Count);
        var short_ = snapshot.Plan.Subtasks.Single(s => s.Name == "dataset-compass-repeated");
        Assert.Equal(short_.Quota, snapshot.Items.Count(i => i.Subtask == short_.Name));
        Assert.Contains(short_.Candidates, c => c.Reason.StartsWith("exhausted at generation:", StringComparison.Ordinal) && c.Reason.Contains("duplicate", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(40 - short_.Quota, snapshot.Items.Count(i => i.Subtask == "dataset-compass-varied"));
        using var plan = JsonDocument.Parse(SnapshotWriter.PlanBytes(snapshot));
        Assert.Contains("exhausted at generation", plan.RootElement.GetRawText());
    }
}
