using BenchmarkAgent.Items;
using BenchmarkAgent.Media;
using BenchmarkAgent.Models;
using BenchmarkAgent.Testing.Running;
using BenchmarkAgent.Testing.Settings;
using BenchmarkAgent.Tests.Shared;
using Microsoft.Extensions.AI;

namespace BenchmarkAgent.Testing.Tests.Media;

/// <summary>
/// Issue 15, evaluation: the response cache's key covers the media bytes, so the same prompt with a changed image is a
/// new call, and the same image is a cache hit.
/// </summary>
public sealed class MediaCacheKeyTests
{
    [Fact]
    public void The_cache_key_changes_with_one_byte_of_the_image_and_not_without()
    {
        using var folder = new TempFolder();
        using var cache = new ResponseCacheChatClient(new CountingClient(), new FileDistributedCache(folder.Path));
        var item = MediaWireTests.Numbered("same", 7, "Same prompt. ");
        byte[] image = TinyMedia.TwoColourPng(16, 16, (200, 0, 0), (0, 0, 200));
        byte[] edited = [.. image];
        edited[^20] ^= 1;

        string Key(byte[] bytes, string type = MediaTypes.Png) =>
            cache.KeyOf(BenchmarkPrompt.CreateMessages(item, [new DataContent(bytes, type)]), BenchmarkPrompt.CreateOptions(item));

        Assert.Equal(Key(image), Key([.. image]));
        Assert.NotEqual(Key(image), Key(edited));
        Assert.NotEqual(Key(image), cache.KeyOf(BenchmarkPrompt.CreateMessages(item), BenchmarkPrompt.CreateOptions(item)));
    }

    [Fact]
    public async Task A_cached_run_asks_again_when_the_snapshots_image_changed_and_not_when_it_is_the_same()
    {
        using var folder = new TempFolder();
        await using var server = OpenAiWireServer.Start(_ => "Answer: 7");
        var red = MediaContent.Create(MediaKind.Image, MediaTypes.Png, TinyMedia.TwoColourPng(20, 20, (220, 20, 20), (20, 20, 220)));
        var green = MediaContent.Create(MediaKind.Image, MediaTypes.Png, TinyMedia.TwoColourPng(20, 20, (20, 200, 20), (20, 20, 220)));
        var item = MediaWireTests.Numbered("cached", 7, "Which colour? ");
        using var before = MediaBenchmark.Create("cached", [(item, [red])]);
        using var after = MediaBenchmark.Create("cached", [(item, [green])]);

        async Task RunAsync(MediaBenchmark benchmark)
        {
            var environment = new Dictionary<string, string?>
            {
                ["BENCHAGENT_SUBJECT_ENDPOINT"] = server.BaseUrl,
                ["BENCHAGENT_SUBJECT_MODEL"] = "cached-model",
                [RunSettingsReader.SubjectModalitiesVariable] = "text,image",
                [RunSettingsReader.SubjectCacheVariable] = "true",
                [RunSettingsReader.CacheDirectoryVariable] = Path.Combine(folder.Path, "cache"),
                [RunSettingsReader.ResultsDirectoryVariable] = Path.Combine(folder.Path, "results"),
            };
            await using var run = new BenchmarkRun(name => environment.GetValueOrDefault(name));
            Assert.Null(await benchmark.Tests(run).RunItemAsync(benchmark.Name, "cached"));
        }

        await RunAsync(before);
        await RunAsync(before);
        Assert.Single(server.Requests); // the second run was a cache hit
        await RunAsync(after);
        Assert.Equal(2, server.Requests.Count); // the changed image is a new call
        Assert.Equal(after.Item("cached").Media[0].Sha256, WirePart.OfLastUserMessage(server.Requests[1].Body).Single().Sha256);
    }

    private sealed class CountingClient : IChatClient
    {
        public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
            Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, "x")));

        public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }
}
