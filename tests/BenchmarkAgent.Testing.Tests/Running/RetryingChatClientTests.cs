using BenchmarkAgent.Testing.Running;
using BenchmarkAgent.Testing.Subjects;
using BenchmarkAgent.Tests.Shared;
using Microsoft.Extensions.AI;

namespace BenchmarkAgent.Testing.Tests.Running;

public sealed class RetryingChatClientTests
{
    private static RetryingChatClient Client(OpenAiWireServer server, int maxAttempts = 4) =>
        new(ChatClientFactory.Create(new ChatClientSettings(ModelRole.Subject, server.BaseUri, "retry-model", "sk-test")),
            "subject", maxAttempts, baseDelay: TimeSpan.FromMilliseconds(1));

    private static Task<ChatResponse> Ask(IChatClient client) =>
        client.GetResponseAsync("What is 2+2?", cancellationToken: TestContext.Current.CancellationToken);

    [Theory]
    [InlineData(503)]
    [InlineData(429)]
    [InlineData(500)]
    [InlineData(408)]
    public async Task A_transient_failure_is_retried_and_the_next_success_is_returned(int status)
    {
        await using var server = OpenAiWireServer.Start(_ => "Answer: 4", failWith: r => r.Sequence < 2 ? status : null);
        using var client = Client(server);

        var response = await Ask(client);

        Assert.Equal("Answer: 4", response.Text);
        Assert.Equal(3, server.Requests.Count);
    }

    [Fact]
    public async Task A_failure_that_survives_every_attempt_throws_BA2011_with_the_last_error()
    {
        await using var server = OpenAiWireServer.Start(_ => "Answer: 4", failWith: _ => 503);
        using var client = Client(server, maxAttempts: 3);

        var error = await Assert.ThrowsAsync<ModelCallException>(() => Ask(client));

        Assert.StartsWith("BA2011", error.Message, StringComparison.Ordinal);
        Assert.Equal(3, error.Attempts);
        Assert.Equal(3, server.Requests.Count);
        Assert.DoesNotContain("sk-test", error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(400)]
    [InlineData(401)]
    [InlineData(404)]
    public async Task A_client_error_is_not_retried(int status)
    {
        await using var server = OpenAiWireServer.Start(_ => "Answer: 4", failWith: _ => status);
        using var client = Client(server);

        var error = await Assert.ThrowsAnyAsync<Exception>(() => Ask(client));

        Assert.IsNotType<ModelCallException>(error);
        Assert.Single(server.Requests);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 4)]
    [InlineData(4, 8)]
    public void Backoff_doubles_from_the_base_delay(int attempt, int expectedSeconds)
    {
        using var client = new RetryingChatClient(new RandomGuessSubject(0), "subject", baseDelay: TimeSpan.FromSeconds(1));

        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), client.DelayBefore(attempt, new TimeoutException()));
    }

    [Fact]
    public void Backoff_is_capped()
    {
        using var client = new RetryingChatClient(new RandomGuessSubject(0), "subject", baseDelay: TimeSpan.FromSeconds(1));

        Assert.Equal(RetryingChatClient.MaxDelay, client.DelayBefore(30, new TimeoutException()));
    }
}
