using BenchmarkAgent.Execution;
using BenchmarkAgent.Planning;
using BenchmarkAgent.Snapshots;

namespace BenchmarkAgent.Core.Tests.Execution;

public sealed class JournalResumeTests
{
    private static BenchmarkPlan Plan() => PickyTestFamily.Plan();

    private static void SameResult(BenchmarkSnapshot expected, BenchmarkSnapshot actual)
    {
        Assert.Equal(expected.Items.Count, actual.Items.Count);
        for (int i = 0; i < expected.Items.Count; i++)
        {
            ItemAssert.Same(expected.Items[i], actual.Items[i]);
        }

        Assert.Equal(expected.Reports.Count, actual.Reports.Count);
        for (int i = 0; i < expected.Reports.Count; i++)
        {
            Assert.Equal(expected.Reports[i].Subtask, actual.Reports[i].Subtask);
            Assert.Equal(expected.Reports[i].Accepted, actual.Reports[i].Accepted);
            Assert.Equal(expected.Reports[i].Rejected, actual.Reports[i].Rejected);
            Assert.Equal(expected.Reports[i].RejectionsByCheck, actual.Reports[i].RejectionsByCheck);
        }
    }

    [Fact]
    public void A_journal_records_every_accepted_position_with_the_checks_that_rejected_its_earlier_attempts()
    {
        var plan = Plan();
        var plain = PickyTestFamily.Generate(plan);
        var journal = new MemoryJournal();

        var journalled = PickyTestFamily.Generate(plan, journal);

        SameResult(plain, journalled);
        Assert.Equal(plain.Items.Select(i => i.Id), journal.Appended.Select(e => e.Item.Id));
        Assert.All(journal.Appended, e => Assert.Equal(e.Item.Provenance.Attempt, e.Rejections.Count));
        // The recorded rejections add up to the quality summary.
        foreach (var report in plain.Reports)
        {
            var recorded = journal.Appended.Where(e => e.Item.Subtask == report.Subtask).SelectMany(e => e.Rejections).ToList();
            Assert.Equal(report.Rejected, recorded.Count);
            Assert.Equal(report.RejectionsByCheck, recorded.GroupBy(c => c).ToDictionary(g => g.Key, g => g.Count()));
        }

        Assert.Contains(plain.Reports, r => r.RejectionsByCheck.GetValueOrDefault("checker") > 0);
        Assert.Contains(plain.Reports, r => r.RejectionsByCheck.GetValueOrDefault("duplicate") > 0);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(17)]
    [InlineData(59)]
    [InlineData(60)]
    public void Resuming_from_a_prefix_reuses_it_regenerates_only_the_rest_and_gives_the_uninterrupted_result(int journalled)
    {
        var plan = Plan();
        var full = new MemoryJournal();
        var uninterrupted = PickyTestFamily.Generate(plan, full);
        var journal = new MemoryJournal(full.Appended.Take(journalled));

        var resumed = PickyTestFamily.Generate(plan, journal);

        SameResult(uninterrupted, resumed);
        Assert.Equal(journalled, journal.Served);
        Assert.Equal(uninterrupted.Items.Skip(journalled).Select(i => i.Id), journal.Appended.Select(e => e.Item.Id));
    }

    public static TheoryData<string> Tampering => ["answer", "prompt", "seed", "id", "index", "rejections", "checks", "duplicate"];

    [Theory]
    [MemberData(nameof(Tampering))]
    public void A_journalled_position_that_does_not_fit_the_plan_is_regenerated(string tampering)
    {
        var plan = Plan();
        var full = new MemoryJournal();
        var uninterrupted = PickyTestFamily.Generate(plan, full);
        var entries = full.Appended.Take(10).ToList();
        Assert.Contains(entries, e => e.Rejections.Count > 0);
        var victim = entries[5];
        var item = victim.Item;
        var tampered = tampering switch
        {
            "answer" => victim with { Item = item with { Answer = item.Answer with { Value = item.Answer.Value + "2" } } },
            "prompt" => victim with { Item = item with { Prompt = "" } },
            "seed" => victim with { Item = item with { Provenance = item.Provenance with { Seed = "0000000000000000" } } },
            "id" => victim with { Item = item with { Id = "0123456789" } },
            "index" => victim with { Item = item with { Provenance = item.Provenance with { Index = item.Provenance.Index + 1 } } },
            "rejections" => victim with { Rejections = [.. victim.Rejections, "duplicate"] },
            "checks" => victim with { Item = item with { Provenance = item.Provenance with { Checks = ["schema"] } } },
            // The prompt of an earlier position: a duplicate the verifier must catch on reuse too.
            "duplicate" => victim with { Item = item with { Prompt = entries[4].Item.Prompt } },
            _ => throw new ArgumentOutOfRangeException(nameof(tampering)),
        };
        var journal = new MemoryJournal(entries);
        journal.Put(item.Subtask, item.Provenance.Index, tampered);

        var resumed = PickyTestFamily.Generate(plan, journal);

        SameResult(uninterrupted, resumed);
        Assert.Contains(journal.Appended, e => e.Item.Id == victim.Item.Id);
        Assert.DoesNotContain(journal.Appended, e => e.Item.Id == entries[4].Item.Id);
    }

    [Fact]
    public void A_dataset_subtask_resumes_from_its_journal_too()
    {
        string path = Grounding.GroundingTestData.Gsm8kSamplePath();

        var request = new BenchmarkRequest("gsm", "grade school math word problems robustness", 30, Seed: 3) { Datasets = [path] };
        var generator = new SnapshotGenerator();
        var full = new MemoryJournal();
        var uninterrupted = generator.Generate(request, full, TestContext.Current.CancellationToken);
        Assert.Contains(full.Appended, e => e.Item.Provenance.Source is DatasetSource);
        var journal = new MemoryJournal(full.Appended.Take(20));

        var resumed = generator.Generate(request, journal, TestContext.Current.CancellationToken);

        Assert.Equal(SnapshotWriter.ItemsBytes("gsm", uninterrupted.Items), SnapshotWriter.ItemsBytes("gsm", resumed.Items));
        Assert.Equal(SnapshotWriter.PlanBytes(uninterrupted), SnapshotWriter.PlanBytes(resumed));
        Assert.Equal(20, journal.Served);
        Assert.Equal(10, journal.Appended.Count);
    }
}
