using BenchmarkAgent.Testing.Running;
using BenchmarkAgent.Testing.Subjects;
using BenchmarkAgent.Tests.Shared;
using Microsoft.Extensions.AI;

namespace BenchmarkAgent.Testing.Tests.Running;

public sealed class ResponseCacheChatClientTests
{
    private static ResponseCacheChatClient Client(OpenAiWireServer server, string directory, string model = "cache-model") =>
        new(ChatClientFactory.Create(new ChatClientSettings(ModelRole.Subject, server.BaseUri, model, "sk-secret-key")),
            directory, server.BaseUrl, model);

    private static ChatOptions Options(double temperature = 0.7, int repeat = 0) => new()
    {
        Temperature = (float)temperature,
        AdditionalProperties = new AdditionalPropertiesDictionary { [SubjectScheduler.RepeatPropertyKey] = repeat },
    };

    private static Task<ChatResponse> Ask(IChatClient client, ChatOptions options) =>
        client.GetResponseAsync("What is 2+2?", options, TestContext.Current.CancellationToken);

    [Fact]
    public async Task A_second_run_is_answered_from_the_cache_without_a_request()
    {
        using var folder = new TempFolder();
        await using var server = OpenAiWireServer.Start(r => $"Answer {r.Sequence}");
        using (var first = Client(server, folder.Path))
        {
            Assert.Equal("Answer 0", (await Ask(first, Options())).Text);
        }

        using var second = Client(server, folder.Path);
        var cached = await Ask(second, Options());

        Assert.Equal("Answer 0", cached.Text);
        Assert.Single(server.Requests);
        Assert.Equal(1, second.Hits);
    }

    [Fact]
    public async Task A_different_model_temperature_or_repeat_index_misses()
    {
        using var folder = new TempFolder();
        await using var server = OpenAiWireServer.Start(r => $"Answer {r.Sequence}");
        using var client = Client(server, folder.Path);
        using var otherModel = Client(server, folder.Path, model: "other-model");

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
    public async Task Entries_never_contain_the_api_key_and_a_damaged_entry_is_a_miss()
    {
        using var folder = new TempFolder();
        await using var server = OpenAiWireServer.Start(r => $"Answer {r.Sequence}");
        using var client = Client(server, folder.Path);
        await Ask(client, Options());

        string entry = Assert.Single(Directory.GetFiles(folder.Path, "*.json", SearchOption.AllDirectories));
        Assert.DoesNotContain("sk-secret-key", File.ReadAllText(entry), StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(folder.Path, "*.tmp", SearchOption.AllDirectories));

        File.WriteAllText(entry, "{ not json");
        var fresh = await Ask(client, Options());

        Assert.Equal("Answer 1", fresh.Text);
        Assert.Contains("Answer 1", File.ReadAllText(entry), StringComparison.Ordinal);
    }
}
