using BenchmarkAgent.Tests.Shared;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Caching.Distributed;

namespace BenchmarkAgent.Models.Tests.Caching;

public sealed class ResponseCacheTests
{
    private const string RepeatKey = "benchagent.repeat";

    private static IChatClient Client(Uri endpoint, IDistributedCache cache, string model = "cache-model", string? key = "sk-secret-key", ModelRole role = ModelRole.Subject) =>
        ModelClientFactory.Create(new ModelRoleSettings(role, endpoint, model, key), new ModelPipelineOptions { Telemetry = false, Cache = cache });

    private static ChatOptions Options(double temperature = 0.7, int repeat = 0) => new()
    {
        Temperature = (float)temperature,
        AdditionalProperties = new AdditionalPropertiesDictionary { [RepeatKey] = repeat },
    };

    private static Task<ChatResponse> Ask(IChatClient client, ChatOptions options, string question = "What is 2+2?") =>
        client.GetResponseAsync(question, options, TestContext.Current.CancellationToken);

    [Fact]
    public async Task A_second_run_is_answered_from_the_cache_without_a_request()
    {
        using var folder = new TempFolder();
        await using var server = OpenAiWireServer.Start(r => $"Answer {r.Sequence}");
        using (var first = Client(server.BaseUri, new FileDistributedCache(folder.Path)))
        {
            Assert.Equal("Answer 0", (await Ask(first, Options())).Text);
        }

        var cache = new FileDistributedCache(folder.Path);
        using var second = Client(server.BaseUri, cache);
        var cached = await Ask(second, Options());

        Assert.Equal("Answer 0", cached.Text);
        Assert.Single(server.Requests);
        Assert.Equal(1, cache.Hits);
    }

    [Fact]
    public async Task A_different_model_temperature_or_repeat_index_misses()
    {
        using var folder = new TempFolder();
        await using var server = OpenAiWireServer.Start(r => $"Answer {r.Sequence}");
        var cache = new FileDistributedCache(folder.Path);
        using var client = Client(server.BaseUri, cache);
        using var otherModel = Client(server.BaseUri, cache, model: "other-model");

        await Ask(client, Options());
        var warmer = await Ask(client, Options(temperature: 0.9));
        var repeat = await Ask(client, Options(repeat: 1));
        var model = await Ask(otherModel, Options());
        var again = await Ask(client, Options(repeat: 1));

        Assert.Equal(["Answer 1", "Answer 2", "Answer 3", "Answer 2"], new[] { warmer.Text, repeat.Text, model.Text, again.Text });
        Assert.Equal(4, server.Requests.Count);
        Assert.Equal("other-model", server.Requests[3].Model);
    }

    [Fact]
    public async Task The_key_covers_role_endpoint_model_messages_options_and_repeat_but_not_the_api_key()
    {
        using var folder = new TempFolder();
        await using var server = OpenAiWireServer.Start(r => $"Answer {r.Sequence}");
        var cache = new FileDistributedCache(folder.Path);

        async Task<string> AskWith(Uri? endpoint = null, string model = "m", string key = "sk-one", ModelRole role = ModelRole.Subject, string question = "q", double temperature = 0.5, int repeat = 0)
        {
            using var client = Client(endpoint ?? server.BaseUri, cache, model, key, role);
            return (await Ask(client, Options(temperature, repeat), question)).Text;
        }

        string original = await AskWith();
        Assert.Equal(original, await AskWith(key: "sk-two")); // another key: the same entry
        Assert.Single(server.Requests);

        Assert.NotEqual(original, await AskWith(role: ModelRole.Judge));
        Assert.NotEqual(original, await AskWith(endpoint: server.AzureStyleBaseUri));
        Assert.NotEqual(original, await AskWith(model: "m2"));
        Assert.NotEqual(original, await AskWith(question: "another question"));
        Assert.NotEqual(original, await AskWith(temperature: 0.6));
        Assert.NotEqual(original, await AskWith(repeat: 1));
        Assert.Equal(7, server.Requests.Count);
    }

    [Fact]
    public async Task Entries_live_in_a_versioned_folder_never_contain_the_api_key_and_a_damaged_entry_is_a_miss()
    {
        using var folder = new TempFolder();
        await using var server = OpenAiWireServer.Start(r => $"Answer {r.Sequence}");
        using var client = ModelClientFactory.Create(
            new ModelRoleSettings(ModelRole.Subject, server.BaseUri, "cache-model", "sk-secret-key"),
            new ModelPipelineOptions { Telemetry = false, CacheDirectory = folder.Path });
        await Ask(client, Options());

        string entry = Assert.Single(Directory.GetFiles(folder.Path, "*", SearchOption.AllDirectories));
        Assert.StartsWith(Path.Combine(folder.Path, "v1", "subject") + Path.DirectorySeparatorChar, entry, StringComparison.Ordinal);
        Assert.EndsWith(".json", entry, StringComparison.Ordinal);
        Assert.DoesNotContain("sk-secret-key", File.ReadAllText(entry), StringComparison.Ordinal);

        File.WriteAllText(entry, "{ not json");
        var fresh = await Ask(client, Options());

        Assert.Equal("Answer 1", fresh.Text);
        Assert.Contains("Answer 1", File.ReadAllText(entry), StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(folder.Path, "*.tmp", SearchOption.AllDirectories));
    }
}
