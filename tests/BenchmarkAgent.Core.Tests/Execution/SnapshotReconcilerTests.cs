using BenchmarkAgent.Execution;
using BenchmarkAgent.Families;
using BenchmarkAgent.Planning;
using BenchmarkAgent.Core.Tests.Snapshots;
using BenchmarkAgent.Snapshots;
using BenchmarkAgent.Items;

namespace BenchmarkAgent.Core.Tests.Execution;

/// <summary>Minimal churn: what regeneration keeps, adds and removes.</summary>
public sealed class SnapshotReconcilerTests : IDisposable
{
    private const string Query = "date arithmetic: days between dates and weekdays";

    private static readonly SnapshotGenerator Generator = new();

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static BenchmarkRequest Request(int quota, string query = Query, int seed = 3) => new("Bench", query, quota, seed);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public void A_first_generation_is_exactly_the_executors_positions_0_to_quota_of_every_subtask()
    {
        var request = Request(40);
        var plan = Generator.Plan(request);
        var executor = new BenchmarkExecutor(BuiltInTaskFamilies.All);
        var context = new BenchmarkAgent.Verification.VerificationContext();
        var positions = plan.Subtasks
            .Select(s => (s.Name, Results: Enumerable.Range(0, s.Quota).Select(i => executor.Realise(plan, s, i, generation: 0, context)).ToList()))
            .ToList();

        var snapshot = Generator.Generate(request, Token);

        Assert.Equal(SnapshotWriter.ItemsBytes("Bench", [.. positions.SelectMany(p => p.Results.Select(r => r.Item!))]), SnapshotWriter.ItemsBytes("Bench", snapshot.Items));
        Assert.Equal(
            positions.Select(p => (p.Name, p.Results.Count, p.Results.Sum(r => r.Rejected))),
            snapshot.Reports.Select(r => (r.Subtask, r.Accepted, r.Rejected)));
    }

    [Fact]
    public void Growing_the_quota_from_40_to_60_keeps_the_40_items_byte_for_byte()
    {
        var existing = SnapshotFiles.Save(_dir.Path, Generator.Generate(Request(40), Token));
        string before = SnapshotFiles.ItemsText(_dir.Path, "Bench");

        var grown = Generator.Regenerate(Request(60), existing, cancellationToken: Token);
        SnapshotWriter.Write(_dir.Path, grown);
        string after = SnapshotFiles.ItemsText(_dir.Path, "Bench");

        Assert.Equal(60, grown.Items.Count);
        Assert.Equal(40, existing.Items.Items.Count);
        foreach (var item in existing.Items.Items)
        {
            Assert.Equal(SnapshotFiles.Block(before, item.Id), SnapshotFiles.Block(after, item.Id));
        }

        Assert.Equal(60, grown.Items.Select(i => i.Id).Distinct().Count());
        // Growing adds this run's rejections to the recorded ones: the same summary as generating 60 at once.
        var fresh60 = Generator.Generate(Request(60), Token);
        Assert.Equal(fresh60.Reports.Select(r => (r.Subtask, r.Accepted, r.Rejected)), grown.Reports.Select(r => (r.Subtask, r.Accepted, r.Rejected)));
    }

    [Fact]
    public void Shrinking_the_quota_from_60_to_40_removes_exactly_20_and_keeps_the_rest_unchanged()
    {
        var existing = SnapshotFiles.Save(_dir.Path, Generator.Generate(Request(60), Token));
        string before = SnapshotFiles.ItemsText(_dir.Path, "Bench");

        var shrunk = Generator.Regenerate(Request(40), existing, cancellationToken: Token);
        SnapshotWriter.Write(_dir.Path, shrunk);
        string after = SnapshotFiles.ItemsText(_dir.Path, "Bench");

        var oldIds = existing.Items.Items.Select(i => i.Id).ToHashSet();
        Assert.Equal(40, shrunk.Items.Count);
        Assert.All(shrunk.Items, i => Assert.Contains(i.Id, oldIds));
        Assert.Equal(20, oldIds.Count - shrunk.Items.Count);
        foreach (var item in shrunk.Items)
        {
            Assert.Equal(SnapshotFiles.Block(before, item.Id), SnapshotFiles.Block(after, item.Id));
        }

        // Per subtask, the highest positions went.
        foreach (var subtask in shrunk.Plan.Subtasks)
        {
            Assert.Equal(Enumerable.Range(0, subtask.Quota), shrunk.Items.Where(i => i.Subtask == subtask.Name).Select(i => i.Provenance.Index).Order());
        }
    }

    [Fact]
    public void A_query_edit_keeps_the_items_of_every_surviving_subtask()
    {
        var existing = SnapshotFiles.Save(_dir.Path, Generator.Generate(Request(40), Token));
        var request = Request(40, "date arithmetic: days between dates and weekdays, and clock arithmetic");

        var replanned = Generator.Regenerate(request, existing, cancellationToken: Token);

        var oldPlan = Generator.Plan(Request(40));
        var surviving = replanned.Plan.Subtasks
            .Where(s => oldPlan.Subtasks.Any(o => o.Name == s.Name && o.Source == s.Source))
            .ToList();
        Assert.NotEmpty(surviving);
        Assert.NotEqual(oldPlan.Subtasks.Select(s => s.Name), replanned.Plan.Subtasks.Select(s => s.Name));
        foreach (var subtask in surviving)
        {
            var before = existing.Items.Items.Where(i => i.Subtask == subtask.Name).ToList();
            var after = replanned.Items.Where(i => i.Subtask == subtask.Name).ToList();
            int keptCount = Math.Min(before.Count, subtask.Quota);
            // Every old item that fits the new quota is kept, in order and unchanged.
            Assert.Equal(before.Take(keptCount).Select(i => i.Id), after.Take(keptCount).Select(i => i.Id));
            for (int i = 0; i < keptCount; i++)
            {
                ItemAssert.Same(before[i], after[i]);
            }
        }

        Assert.Equal(40, replanned.Items.Count);
    }

    [Fact]
    public void A_consistent_hand_edit_survives_regeneration_and_is_marked_edited()
    {
        var existing = SnapshotFiles.Save(_dir.Path, Generator.Generate(Request(40), Token));
        var target = existing.Items.Items[3];
        string firstLine = target.Prompt.Split('\n')[0];
        string edited = firstLine + " (Reviewed wording.)";
        SnapshotFiles.EditItems(_dir.Path, "Bench", text => text.Replace(
            System.Text.Json.JsonSerializer.Serialize(firstLine, JsonText.Options),
            System.Text.Json.JsonSerializer.Serialize(edited, JsonText.Options),
            StringComparison.Ordinal));
        var reviewed = ExistingSnapshot.Load(_dir.Path, "Bench")!;
        Assert.True(reviewed.HasPendingCuration(40));

        // A quota change forces regeneration; the edit must come through untouched.
        var regenerated = Generator.Regenerate(Request(45), reviewed, cancellationToken: Token);

        var item = Assert.Single(regenerated.Items, i => i.Id == target.Id);
        Assert.StartsWith(edited, item.Prompt, StringComparison.Ordinal);
        Assert.True(item.Curation.Edited);
        Assert.Equal(ItemContent.Hash(target), item.Curation.ContentHash);
        Assert.NotEqual(ItemContent.Hash(item), item.Curation.ContentHash);
        // Written and read back, the edit is recorded and nothing is pending any more.
        var again = SnapshotFiles.Save(_dir.Path, regenerated);
        Assert.False(again.HasPendingCuration(45));
        Assert.True(Assert.Single(again.Items.Items, i => i.Id == target.Id).Curation.Edited);
    }

    [Fact]
    public void An_edited_item_is_dropped_last_when_the_quota_shrinks()
    {
        var existing = SnapshotFiles.Save(_dir.Path, Generator.Generate(Request(40), Token));
        var subtask = existing.Items.Items.GroupBy(i => i.Subtask).First();
        var last = subtask.MaxBy(i => i.Provenance.Index)!;
        SnapshotFiles.EditItems(_dir.Path, "Bench", text => text.Replace(
            System.Text.Json.JsonSerializer.Serialize(last.Prompt.Split('\n')[0], JsonText.Options),
            System.Text.Json.JsonSerializer.Serialize(last.Prompt.Split('\n')[0] + " (Reviewed wording.)", JsonText.Options),
            StringComparison.Ordinal));

        var shrunk = Generator.Regenerate(Request(20), ExistingSnapshot.Load(_dir.Path, "Bench")!, cancellationToken: Token);

        Assert.Contains(shrunk.Items, i => i.Id == last.Id && i.Curation.Edited);
        Assert.Equal(20, shrunk.Items.Count);
    }

    [Fact]
    public void An_edited_answer_that_fails_the_checker_is_BA0204_with_file_and_line()
    {
        var existing = SnapshotFiles.Save(_dir.Path, Generator.Generate(Request(40), Token));
        var target = existing.Items.Items.First(i => i.Answer.Type == AnswerType.Number);
        string wrong = ExpectedAnswer.FormatNumber(decimal.Parse(target.Answer.Value, System.Globalization.CultureInfo.InvariantCulture) + 7);
        string text = SnapshotFiles.ItemsText(_dir.Path, "Bench");
        string block = SnapshotFiles.Block(text, target.Id);
        SnapshotFiles.EditItems(_dir.Path, "Bench", t => t.Replace(
            block, block.Replace($"\"value\": \"{target.Answer.Value}\"", $"\"value\": \"{wrong}\"", StringComparison.Ordinal), StringComparison.Ordinal));
        var reviewed = ExistingSnapshot.Load(_dir.Path, "Bench")!;

        var ex = Assert.Throws<SnapshotFormatException>(() => Generator.Regenerate(Request(40), reviewed, cancellationToken: Token));

        Assert.Equal("BA0204", ex.Code);
        Assert.Equal(SnapshotLayout.ItemsPath(_dir.Path, "Bench"), ex.File);
        Assert.Equal(LineOf(text, $"\"id\": \"{target.Id}\""), ex.Line);
        Assert.Contains(target.Id, ex.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void An_excluded_item_is_kept_in_the_file_and_replaced_by_a_new_one()
    {
        var existing = SnapshotFiles.Save(_dir.Path, Generator.Generate(Request(40), Token));
        var target = existing.Items.Items[5];
        SnapshotFiles.EditItems(_dir.Path, "Bench", text => SnapshotFiles.AddToItem(text, target.Id, "\"excluded\": true, \"reason\": \"two answers are defensible\""));
        var reviewed = ExistingSnapshot.Load(_dir.Path, "Bench")!;
        Assert.True(reviewed.HasPendingCuration(40));

        var regenerated = Generator.Regenerate(Request(40), reviewed, cancellationToken: Token);

        var excluded = Assert.Single(regenerated.Items, i => i.Curation.Excluded);
        Assert.Equal(target.Id, excluded.Id);
        Assert.Equal("two answers are defensible", excluded.Curation.Reason);
        Assert.Equal(41, regenerated.Items.Count);
        Assert.Equal(40, regenerated.Items.Count(i => !i.Curation.Excluded));
        var added = Assert.Single(regenerated.Items, i => existing.Items.Items.All(o => o.Id != i.Id));
        Assert.Equal(target.Subtask, added.Subtask);
        Assert.False(SnapshotFiles.Save(_dir.Path, regenerated).HasPendingCuration(40));
    }

    [Fact]
    public void Regenerating_unchanged_inputs_changes_nothing()
    {
        var snapshot = Generator.Generate(Request(40), Token);
        var existing = SnapshotFiles.Save(_dir.Path, snapshot);

        var again = Generator.Regenerate(Request(40), existing, cancellationToken: Token);

        Assert.Equal(SnapshotWriter.ItemsBytes("Bench", snapshot.Items), SnapshotWriter.ItemsBytes("Bench", again.Items));
        Assert.Equal(SnapshotWriter.PlanBytes(snapshot), SnapshotWriter.PlanBytes(again));
        Assert.False(existing.HasPendingCuration(40));
    }

    private static int LineOf(string text, string fragment) => text[..text.IndexOf(fragment, StringComparison.Ordinal)].Count(c => c == '\n') + 1;
}
