using BenchmarkAgent.Models;
using BenchmarkAgent.Tests.Shared;
using Microsoft.Extensions.AI;

namespace BenchmarkAgent.Testing.Tests;

/// <summary>A benchmark item's prompt and options through the model pipeline, as they arrive at the endpoint.</summary>
public sealed class BenchmarkPromptWireTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_prompt_arrives_as_system_and_user_messages_with_the_options_but_never_the_item_context()
    {
        using var folder = new TempFolder();
        await using var server = OpenAiWireServer.Start(_ => "B");
        using var client = ModelClientFactory.Create(
            new ModelRoleSettings(ModelRole.Subject, server.BaseUri, "gpt-4o-mini", "sk-test-key"),
            new ModelPipelineOptions { Telemetry = false, CacheDirectory = folder.Path });
        var item = TestItems.Choice('C', "red", "green", "blue") with { Id = "abcdef0123", Prompt = "Which colour?" };

        var options = BenchmarkPrompt.CreateOptions(item, new ChatOptions { Temperature = 0.25f });
        var response = await client.GetResponseAsync(BenchmarkPrompt.CreateMessages(item), options, Token);
        var cached = await client.GetResponseAsync(BenchmarkPrompt.CreateMessages(item), BenchmarkPrompt.CreateOptions(item, new ChatOptions { Temperature = 0.25f }), Token);

        Assert.Equal("B", response.Text);
        Assert.Equal("B", cached.Text);
        var request = Assert.Single(server.Requests); // the item context is part of the cache key, and serialises
        Assert.Equal("gpt-4o-mini", request.Model);
        Assert.Equal("Bearer sk-test-key", request.Authorization);
        Assert.Equal("system", request.Messages[0].Role);
        Assert.Equal(BenchmarkPrompt.SystemInstruction, request.SystemText);
        Assert.Contains("Which colour?", request.LastUserText, StringComparison.Ordinal);
        Assert.Equal(0.25, request.Temperature!.Value, 3);
        Assert.DoesNotContain("benchagent", request.Body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("abcdef0123", request.Body, StringComparison.Ordinal);
    }
}
