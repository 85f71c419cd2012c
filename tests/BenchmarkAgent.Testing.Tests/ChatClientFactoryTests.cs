using BenchmarkAgent.Testing.Running;
using BenchmarkAgent.Testing.Subjects;
using BenchmarkAgent.Tests.Shared;
using Microsoft.Extensions.AI;

namespace BenchmarkAgent.Testing.Tests;

public sealed class ChatClientFactoryTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static ChatClientSettings Settings(OpenAiWireServer server, string model = "test-model", string? key = "sk-test-key") =>
        new(ModelRole.Subject, server.BaseUri, model, key);

    [Fact]
    public async Task Round_trip_sends_model_messages_and_bearer_key_and_returns_the_text()
    {
        await using var server = OpenAiWireServer.Start(request => $"Answer: {request.LastUserText.Length}");
        using var client = ChatClientFactory.Create(Settings(server, "gpt-4o-mini"));
        var item = TestItems.Text("paris") with { Prompt = "Capital of France?" };

        var response = await client.GetResponseAsync(BenchmarkPrompt.CreateMessages(item), cancellationToken: Token);

        Assert.Equal("Answer: 18", response.Text);
        Assert.Equal("gpt-4o-mini", response.ModelId);
        var request = Assert.Single(server.Requests);
        Assert.Equal("/v1/chat/completions", request.Path);
        Assert.Equal("gpt-4o-mini", request.Model);
        Assert.Equal("Bearer sk-test-key", request.Authorization);
        Assert.Collection(request.Messages,
            m => Assert.Equal(new ChatRequestMessage("system", BenchmarkPrompt.SystemInstruction), m),
            m => Assert.Equal(new ChatRequestMessage("user", "Capital of France?"), m));
        Assert.Equal("Capital of France?", request.LastUserText);
        Assert.False(request.Stream);
    }

    [Fact]
    public async Task Usage_is_reported()
    {
        await using var server = OpenAiWireServer.Start(_ => "one two three");
        using var client = ChatClientFactory.Create(Settings(server));

        var response = await client.GetResponseAsync("hello world", cancellationToken: Token);

        Assert.Equal(3, response.Usage?.OutputTokenCount);
        Assert.Equal(2, response.Usage?.InputTokenCount);
    }

    [Fact]
    public async Task Options_are_sent_but_the_item_context_never_reaches_the_wire()
    {
        await using var server = OpenAiWireServer.Start(_ => "B");
        using var client = ChatClientFactory.Create(Settings(server));
        var item = TestItems.Choice('C', "red", "green", "blue") with { Id = "abcdef0123" };

        var options = BenchmarkPrompt.CreateOptions(item, new ChatOptions { Temperature = 0.25f });
        await client.GetResponseAsync(BenchmarkPrompt.CreateMessages(item), options, Token);

        var request = Assert.Single(server.Requests);
        Assert.Equal(0.25, request.Temperature!.Value, 3);
        Assert.DoesNotContain("benchagent", request.Body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("abcdef0123", request.Body);
    }

    [Fact]
    public async Task Without_a_key_a_placeholder_credential_is_sent()
    {
        await using var server = OpenAiWireServer.Start(_ => "ok");
        using var client = ChatClientFactory.Create(Settings(server, key: null));

        await client.GetResponseAsync("hi", cancellationToken: Token);

        Assert.Equal("Bearer unused", Assert.Single(server.Requests).Authorization);
    }

    [Fact]
    public async Task Streaming_round_trip_concatenates_chunks()
    {
        await using var server = OpenAiWireServer.Start(_ => "The answer is 42.");
        using var client = ChatClientFactory.Create(Settings(server));

        var text = new System.Text.StringBuilder();
        await foreach (var update in client.GetStreamingResponseAsync("question", cancellationToken: Token))
        {
            text.Append(update.Text);
        }

        Assert.Equal("The answer is 42.", text.ToString());
        Assert.True(Assert.Single(server.Requests).Stream);
    }

    [Fact]
    public async Task Http_error_surfaces_with_its_status_and_the_endpoint_message_after_one_attempt()
    {
        await using var server = OpenAiWireServer.Start(_ => "never", failWith: _ => 401);
        using var client = ChatClientFactory.Create(Settings(server));

        var error = await Assert.ThrowsAsync<ChatEndpointException>(() => client.GetResponseAsync("hi", cancellationToken: Token));

        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, error.StatusCode);
        Assert.Equal("Simulated failure with status 401.", error.EndpointMessage);
        Assert.Equal("The chat-completions endpoint answered HTTP 401 (Unauthorized): Simulated failure with status 401.", error.Message);
        Assert.Single(server.Requests);
        Assert.False(RetryingChatClient.IsTransient(error));
    }

    [Fact]
    public async Task A_server_error_is_transient_and_is_not_retried_by_the_client_itself()
    {
        await using var server = OpenAiWireServer.Start(_ => "never", failWith: _ => 503);
        using var client = ChatClientFactory.Create(Settings(server));

        var error = await Assert.ThrowsAsync<ChatEndpointException>(() => client.GetResponseAsync("hi", cancellationToken: Token));

        Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, error.StatusCode);
        Assert.Single(server.Requests);
        Assert.True(RetryingChatClient.IsTransient(error));
    }

    [Fact]
    public async Task Wrapped_for_retries_the_second_request_succeeds_after_a_429()
    {
        await using var server = OpenAiWireServer.Start(_ => "recovered", failWith: r => r.Sequence == 0 ? 429 : null);
        using var client = new RetryingChatClient(ChatClientFactory.Create(Settings(server)), "subject", baseDelay: TimeSpan.FromMilliseconds(10));

        var response = await client.GetResponseAsync("hi", cancellationToken: Token);

        Assert.Equal("recovered", response.Text);
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task A_network_error_is_an_http_exception_without_a_status_and_is_transient()
    {
        // A port bound but not listening refuses connections, and nothing else can take it while the socket is held.
        using var holder = new System.Net.Sockets.Socket(System.Net.Sockets.AddressFamily.InterNetwork, System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp);
        holder.Bind(new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, 0));
        int port = ((System.Net.IPEndPoint)holder.LocalEndPoint!).Port;
        using var client = ChatClientFactory.Create(new ChatClientSettings(ModelRole.Subject, new Uri($"http://127.0.0.1:{port}/v1"), "m", "k"));

        var error = await Assert.ThrowsAnyAsync<HttpRequestException>(() => client.GetResponseAsync("hi", cancellationToken: Token));

        Assert.Null(error.StatusCode);
        Assert.True(RetryingChatClient.IsTransient(error));
    }

    [Fact]
    public void The_client_describes_its_endpoint_and_model()
    {
        using var client = ChatClientFactory.Create(new ChatClientSettings(ModelRole.Subject, new Uri("http://127.0.0.1:9/v1"), "model-x", "k"));

        var metadata = Assert.IsType<ChatClientMetadata>(client.GetService(typeof(ChatClientMetadata)));

        Assert.Equal("model-x", metadata.DefaultModelId);
        Assert.Equal(new Uri("http://127.0.0.1:9/v1"), metadata.ProviderUri);
        Assert.Same(client, client.GetService(typeof(ChatCompletionsClient)));
        Assert.Null(client.GetService(typeof(ChatClientMetadata), "keyed"));
    }

    [Fact]
    public async Task Settings_result_creates_a_model_client_or_the_baseline_or_throws()
    {
        await using var server = OpenAiWireServer.Start(_ => "ok");
        var configured = ChatClientSettingsResult.Configured(Settings(server));
        using (var client = ChatClientFactory.Create(configured))
        {
            Assert.Equal("ok", (await client.GetResponseAsync("x", cancellationToken: Token)).Text);
        }

        using (var baseline = ChatClientFactory.Create(ChatClientSettingsResult.ForBaseline(ModelRole.Subject, RandomGuessSubject.BaselineName), baselineSeed: 7))
        {
            var subject = Assert.IsType<RandomGuessSubject>(baseline);
            Assert.Equal(7UL, subject.Seed);
        }

        var missing = new ChatClientSettingsReader(_ => null).Read(ModelRole.Subject);
        var error = Assert.Throws<InvalidOperationException>(() => ChatClientFactory.Create(missing));
        Assert.Equal(missing.Message, error.Message);
    }

    [Fact]
    public async Task Concurrent_requests_are_served_in_parallel()
    {
        await using var server = OpenAiWireServer.Start(r => r.LastUserText.ToUpperInvariant(), latency: TimeSpan.FromMilliseconds(200));
        using var client = ChatClientFactory.Create(Settings(server));

        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => client.GetResponseAsync($"q{i}", cancellationToken: Token)));

        Assert.Equal(Enumerable.Range(0, 8).Select(i => $"Q{i}"), answers.Select(a => a.Text));
        Assert.Equal(8, server.Requests.Count);
        Assert.True(server.MaxConcurrentRequests > 1, $"max concurrency {server.MaxConcurrentRequests}");
    }
}
