using System.Text.Json;
using BenchmarkAgent.Execution;
using BenchmarkAgent.Planning;
using BenchmarkAgent.Snapshots;

namespace BenchmarkAgent.Core.Tests.Snapshots;

/// <summary>plan.json records why each family was chosen, the close candidates left out, and the modifiers.</summary>
public sealed class PlanRetrievalFileTests
{
    private static JsonElement PlanJson(string query, int quota = 12)
    {
        var snapshot = new SnapshotGenerator().Generate(new BenchmarkRequest("Bench", query, quota, 2), TestContext.Current.CancellationToken);
        return JsonDocument.Parse(SnapshotWriter.PlanBytes(snapshot)).RootElement.Clone();
    }

    [Fact]
    public void Each_family_subtask_carries_its_scores_and_matched_terms()
    {
        var root = PlanJson("date arithmetic: days between dates and weekdays, and clock arithmetic");

        var subtasks = root.GetProperty("subtasks").EnumerateArray().ToList();
        Assert.Equal(3, subtasks.Count);
        foreach (var subtask in subtasks)
        {
            var retrieval = subtask.GetProperty("retrieval");
            Assert.True(retrieval.GetProperty("bm25").GetDouble() > 0);
            Assert.InRange(retrieval.GetProperty("bm25Normalized").GetDouble(), 0.0001, 1);
            Assert.InRange(retrieval.GetProperty("tfidfCosine").GetDouble(), 0.0001, 1);
            Assert.Equal(subtask.GetProperty("relevance").GetDouble(), retrieval.GetProperty("score").GetDouble());
            Assert.NotEmpty(retrieval.GetProperty("matchedTerms").EnumerateArray());
        }

        var plan = root.GetProperty("retrieval");
        Assert.True(plan.GetProperty("covered").GetBoolean());
        Assert.Equal(1.0, plan.GetProperty("coverage").GetDouble());
        var rejected = plan.GetProperty("rejected").EnumerateArray().ToList();
        Assert.NotEmpty(rejected);
        Assert.All(rejected, r => Assert.False(string.IsNullOrEmpty(r.GetProperty("reason").GetString())));
        Assert.Empty(plan.GetProperty("modifiers").EnumerateArray());
    }

    [Fact]
    public void Modifier_applications_are_written_per_subtask()
    {
        var root = PlanJson("Multi-step arithmetic word problems with irrelevant facts");

        var modifier = Assert.Single(root.GetProperty("retrieval").GetProperty("modifiers").EnumerateArray());
        Assert.Equal("multi-step-arithmetic", modifier.GetProperty("subtask").GetString());
        Assert.Equal("irrelevant-context-injection", modifier.GetProperty("transformation").GetString());
        Assert.Equal("native", modifier.GetProperty("mode").GetString());
    }

    [Fact]
    public void The_same_request_writes_the_same_bytes()
    {
        var request = new BenchmarkRequest("Bench", "Character-level string manipulation: reverse words, count letters", 9, 4);
        var a = SnapshotWriter.PlanBytes(new SnapshotGenerator().Generate(request, TestContext.Current.CancellationToken));
        var b = SnapshotWriter.PlanBytes(new SnapshotGenerator().Generate(request, TestContext.Current.CancellationToken));

        Assert.Equal(a, b);
    }
}
