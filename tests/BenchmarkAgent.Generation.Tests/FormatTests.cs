using System.Text;
using BenchmarkAgent.Generation.Prompts;
using BenchmarkAgent.Items;
using BenchmarkAgent.Persistence;
using BenchmarkAgent.Planning;
using BenchmarkAgent.Snapshots;

namespace BenchmarkAgent.Generation.Tests;

public sealed class FormatTests
{
    [Fact]
    public void Every_stage_has_a_readable_prompt_and_the_hash_covers_them()
    {
        Assert.Matches("^[0-9a-f]{16}$", PromptSet.Hash);
        Assert.Equal(PromptSet.Hash, LlmBackbone.PromptHash);
        foreach (string stage in PromptSet.Stages)
        {
            string text = PromptSet.Text(stage);
            Assert.StartsWith($"Stage: {stage}\n", text, StringComparison.Ordinal);
            Assert.Contains("JSON", text, StringComparison.Ordinal);
        }

        Assert.Throws<ArgumentException>(() => PromptSet.Text("nope"));
    }

    [Fact]
    public void The_backbone_joins_the_fingerprint_only_when_given()
    {
        var request = new BenchmarkRequest("b", "q", 3);
        using var client = new Microsoft.Extensions.AI.ChatClientBuilder(new NoClient()).Build();
        var backbone = new LlmBackbone(client, "m1");
        Assert.Equal(InputFingerprint.Compute(request), InputFingerprint.Compute(request, backbone: null));
        string llm = InputFingerprint.Compute(request, backbone: backbone.FingerprintInputs);
        Assert.NotEqual(InputFingerprint.Compute(request), llm);
        Assert.NotEqual(llm, InputFingerprint.Compute(request, backbone: new LlmBackbone(client, "m2").FingerprintInputs));
        Assert.Contains(PromptSet.Hash, backbone.FingerprintInputs, StringComparison.Ordinal);
    }

    private sealed class NoClient : Microsoft.Extensions.AI.IChatClient
    {
        public Task<Microsoft.Extensions.AI.ChatResponse> GetResponseAsync(IEnumerable<Microsoft.Extensions.AI.ChatMessage> messages, Microsoft.Extensions.AI.ChatOptions? options = null, CancellationToken cancellationToken = default) => throw new InvalidOperationException();

        public IAsyncEnumerable<Microsoft.Extensions.AI.ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<Microsoft.Extensions.AI.ChatMessage> messages, Microsoft.Extensions.AI.ChatOptions? options = null, CancellationToken cancellationToken = default) => throw new InvalidOperationException();

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }

    [Theory]
    [InlineData("llm:gpt-4o-mini")]
    [InlineData("llm:org/model:tag")]
    public void Llm_sources_read_and_write_back_byte_for_byte(string text)
    {
        var source = ItemSource.Parse(text);
        Assert.IsType<LlmSource>(source);
        Assert.Equal(text, source.ToString());
        Assert.IsType<ExternalSource>(ItemSource.Parse("llm:"));
    }

    [Fact]
    public void Snapshots_without_ratings_or_decisions_do_not_change()
    {
        var request = new BenchmarkRequest("b", "q", 1);
        var subtask = new PlannedSubtask("s", "d", "k", AnswerType.Number, null, new FamilySource("f"), 0.5, "r", 1);
        var item = new BenchmarkItem("0123456789", "s", Difficulty.Easy, "What is 1+1?", [], ExpectedAnswer.Number(2), new ItemProvenance(new FamilySource("f"), "00", 0, 0, [], ["schema"]));
        var snapshot = new BenchmarkSnapshot(new BenchmarkPlan(request, "offline", [subtask], []), [new SubtaskReport("s", 1, 0, new Dictionary<string, int>())], "sha256:x", [item]);
        string plan = Encoding.UTF8.GetString(SnapshotWriter.PlanBytes(snapshot));
        string items = Encoding.UTF8.GetString(SnapshotWriter.ItemsBytes("b", [item]));
        foreach (string key in new[] { "decisions", "itemQuality", "capability", "inputs" })
        {
            Assert.DoesNotContain($"\"{key}\"", plan, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("\"quality\": {\n        \"user", items, StringComparison.Ordinal);
        Assert.DoesNotContain("\"score\"", items, StringComparison.Ordinal);
    }

    [Fact]
    public void Out_of_range_ratings_in_items_json_are_reported_with_the_line()
    {
        using var folder = new TempFolder();
        string path = Path.Combine(folder.Path, "items.json");
        File.WriteAllText(path, """
            {
              "schema": "benchagent/items@2",
              "benchmark": "b",
              "items": [
                {
                  "id": "0123456789",
                  "subtask": "s",
                  "difficulty": "easy",
                  "prompt": "Q?",
                  "answer": { "type": "text", "value": "x" },
                  "quality": { "clarity": { "score": 9, "reason": "?" } }
                }
              ]
            }
            """);
        var error = Assert.Throws<SnapshotFormatException>(() => SnapshotReader.ReadItems(path));
        Assert.Contains("clarity", error.Message, StringComparison.Ordinal);
        Assert.Contains("1 to 5", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_file_journal_keeps_ratings_and_llm_sources()
    {
        using var folder = new TempFolder();
        string path = Path.Combine(folder.Path, "b.journal");
        var quality = new ItemQuality([.. ItemQuality.Criteria.Select(c => new QualityRating(c, 4, "fine"))]);
        var item = new BenchmarkItem("0123456789", "s", Difficulty.Hard, "Q?", ["a", "b"], ExpectedAnswer.Choice(1), new ItemProvenance(new LlmSource("m"), "ab", 2, 1, ["fix:trim-whitespace"], ["schema", "inspector"]))
        {
            Quality = quality,
            Context = "ctx",
        };
        using (var journal = GenerationJournal.Open(path, "b", "sha256:f"))
        {
            journal.Append(new JournalEntry(item, ["inspector"]));
        }

        using var reopened = GenerationJournal.Open(path, "b", "sha256:f");
        Assert.True(reopened.TryGet("s", 2, out var entry));
        Assert.Equal(new LlmSource("m"), entry.Item.Provenance.Source);
        Assert.Equal(quality.Ratings, entry.Item.Quality!.Ratings);
        Assert.Equal(["inspector"], entry.Rejections);
    }
}
