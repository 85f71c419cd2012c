using BenchmarkAgent.Tests.Shared;
using Microsoft.Extensions.AI;

namespace BenchmarkAgent.Models.Tests.Usage;

public sealed class UsageAccountingTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Tokens_are_summed_per_role_and_cache_hits_cost_nothing()
    {
        using var folder = new TempFolder();
        await using var server = OpenAiWireServer.Start(_ => "one two three");
        using var client = ModelClientFactory.Create(
            new ModelRoleSettings(ModelRole.Judge, server.BaseUri, "m", "k"),
            new ModelPipelineOptions { Telemetry = false, CacheDirectory = folder.Path });

        await client.GetResponseAsync("hello world", cancellationToken: Token);
        await client.GetResponseAsync("hello there world", cancellationToken: Token);
        await client.GetResponseAsync("hello world", cancellationToken: Token); // a cache hit

        var usage = client.GetService<UsageAccountingChatClient>()!.Usage;
        Assert.Equal(new ModelUsage(ModelRole.Judge, 2, 5, 6), usage);
        Assert.Equal(11, usage.TotalTokens);
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task Streamed_usage_is_counted_too()
    {
        await using var server = OpenAiWireServer.Start(_ => "a b c d");
        using var client = ModelClientFactory.Create(new ModelRoleSettings(ModelRole.Subject, server.BaseUri, "m", "k"), new ModelPipelineOptions { Telemetry = false });

        await foreach (var update in client.GetStreamingResponseAsync("x y", cancellationToken: Token))
        {
            Assert.NotNull(update);
        }

        Assert.Equal(new ModelUsage(ModelRole.Subject, 1, 2, 4), client.GetService<UsageAccountingChatClient>()!.Usage);
    }
}
