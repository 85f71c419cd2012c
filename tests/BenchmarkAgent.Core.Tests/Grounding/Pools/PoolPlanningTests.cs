using System.Text.Json;
using BenchmarkAgent.Execution;
using BenchmarkAgent.Planning;
using BenchmarkAgent.Snapshots;

namespace BenchmarkAgent.Core.Tests.Grounding.Pools;

public sealed class PoolPlanningTests
{
    private const string Query = "Multiple-choice commonsense and science reasoning questions";

    [Fact]
    public void The_whole_real_pool_builds_to_quota_from_the_multiple_choice_files()
    {
        var request = new BenchmarkRequest("pool", Query, 60) { Datasets = PoolData.Paths() };
        var generator = new SnapshotGenerator();

        var snapshot = generator.Generate(request, TestContext.Current.CancellationToken);

        Assert.Equal(60, snapshot.Items.Count);
        var multipleChoice = PoolData.Files.Where(f => f.MultipleChoice).Select(f => BenchmarkAgent.Grounding.CardInference.NameOf(Path.Combine(PoolData.Folder(), f.File))).ToHashSet();
        Assert.All(snapshot.Items, item =>
        {
            var source = Assert.IsType<DatasetSource>(item.Provenance.Source);
            Assert.Contains(source.Dataset, multipleChoice);
            Assert.Equal(AnswerType.Choice, item.Answer.Type);
        });
        Assert.True(snapshot.Plan.Subtasks.Count >= 3, string.Join(", ", snapshot.Plan.Subtasks.Select(s => s.Name)));
        Assert.All(snapshot.Plan.Subtasks, s => Assert.IsType<DatasetSource>(s.Source));
        Assert.Contains(snapshot.Plan.Warnings, w => w.Contains("boolq-val", StringComparison.Ordinal) && w.Contains("is not used", StringComparison.Ordinal));
        Assert.Contains(snapshot.Plan.Warnings, w => w.Contains("squad-v1-dev-v1.1", StringComparison.Ordinal) && w.Contains("is not used", StringComparison.Ordinal));

        using var plan = JsonDocument.Parse(SnapshotWriter.PlanBytes(snapshot));
        foreach (var subtask in plan.RootElement.GetProperty("subtasks").EnumerateArray())
        {
            var candidates = subtask.GetProperty("candidates").EnumerateArray().ToList();
            Assert.NotEmpty(candidates);
            Assert.All(candidates, c => Assert.Contains(c.GetProperty("decision").GetString(), new[] { "accepted", "rejected", "exhausted", "spare" }));
            Assert.Contains(candidates, c => c.GetProperty("decision").GetString() is "accepted" or "exhausted");
        }
    }
}
