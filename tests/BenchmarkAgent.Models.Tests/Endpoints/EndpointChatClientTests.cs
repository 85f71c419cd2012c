using System.ClientModel;
using BenchmarkAgent.Tests.Shared;
using Microsoft.Extensions.AI;

namespace BenchmarkAgent.Models.Tests.Endpoints;

/// <summary>The endpoint client alone (the OpenAI SDK behind <c>AsIChatClient</c>), against the in-test server.</summary>
public sealed class EndpointChatClientTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static ModelRoleSettings Settings(OpenAiWireServer server, string model = "test-model", string? key = "sk-test-key") =>
        new(ModelRole.Subject, server.BaseUri, model, key);

    private static readonly ChatMessage[] Conversation =
    [
        new(ChatRole.System, "You are being evaluated."),
        new(ChatRole.User, "Capital of France?"),
    ];

    [Fact]
    public async Task Round_trip_sends_model_messages_and_bearer_key_and_returns_the_text()
    {
        await using var server = OpenAiWireServer.Start(request => $"Answer: {request.LastUserText.Length}");
        using var client = EndpointChatClient.Create(Settings(server, "gpt-4o-mini"));

        var response = await client.GetResponseAsync(Conversation, cancellationToken: Token);

        Assert.Equal("Answer: 18", response.Text);
        Assert.Equal("gpt-4o-mini", response.ModelId);
        Assert.Equal(ChatFinishReason.Stop, response.FinishReason);
        Assert.Equal("chatcmpl-test000000", response.ResponseId);
        Assert.NotNull(response.CreatedAt);
        var request = Assert.Single(server.Requests);
        Assert.Equal("/v1/chat/completions", request.Path);
        Assert.Equal("gpt-4o-mini", request.Model);
        Assert.Equal("Bearer sk-test-key", request.Authorization);
        Assert.Collection(request.Messages,
            m => Assert.Equal(new ChatRequestMessage("system", "You are being evaluated."), m),
            m => Assert.Equal(new ChatRequestMessage("user", "Capital of France?"), m));
        Assert.False(request.Stream);
    }

    [Fact]
    public async Task Usage_is_reported()
    {
        await using var server = OpenAiWireServer.Start(_ => "one two three");
        using var client = EndpointChatClient.Create(Settings(server));

        var response = await client.GetResponseAsync("hello world", cancellationToken: Token);

        Assert.Equal(3, response.Usage?.OutputTokenCount);
        Assert.Equal(2, response.Usage?.InputTokenCount);
    }

    [Fact]
    public async Task Without_a_key_a_placeholder_credential_is_sent()
    {
        await using var server = OpenAiWireServer.Start(_ => "ok");
        using var client = EndpointChatClient.Create(Settings(server, key: null));

        await client.GetResponseAsync("hi", cancellationToken: Token);

        Assert.Equal("Bearer unused", Assert.Single(server.Requests).Authorization);
    }

    [Fact]
    public async Task Streaming_round_trip_concatenates_chunks()
    {
        await using var server = OpenAiWireServer.Start(_ => "The answer is 42.");
        using var client = EndpointChatClient.Create(Settings(server));

        var text = new System.Text.StringBuilder();
        await foreach (var update in client.GetStreamingResponseAsync("question", cancellationToken: Token))
        {
            text.Append(update.Text);
        }

        Assert.Equal("The answer is 42.", text.ToString());
        Assert.True(Assert.Single(server.Requests).Stream);
    }

    [Fact]
    public async Task An_http_error_surfaces_with_its_status_after_one_attempt_and_is_not_transient()
    {
        await using var server = OpenAiWireServer.Start(_ => "never", failWith: _ => 401);
        using var client = EndpointChatClient.Create(Settings(server));

        var error = await Assert.ThrowsAsync<ClientResultException>(() => client.GetResponseAsync("hi", cancellationToken: Token));

        Assert.Equal(401, error.Status);
        Assert.Single(server.Requests);
        Assert.False(RetryingChatClient.IsTransient(error));
    }

    [Fact]
    public async Task A_server_error_is_transient_and_the_sdk_does_not_retry_it_itself()
    {
        await using var server = OpenAiWireServer.Start(_ => "never", failWith: _ => 503);
        using var client = EndpointChatClient.Create(Settings(server));

        var error = await Assert.ThrowsAsync<ClientResultException>(() => client.GetResponseAsync("hi", cancellationToken: Token));

        Assert.Equal(503, error.Status);
        Assert.Single(server.Requests); // the SDK's own retry policy is off: our retry layer is the only one
        Assert.True(RetryingChatClient.IsTransient(error));
    }

    [Fact]
    public async Task A_network_error_has_no_status_and_is_transient()
    {
        // A port bound but not listening refuses connections, and nothing else can take it while the socket is held.
        using var holder = new System.Net.Sockets.Socket(System.Net.Sockets.AddressFamily.InterNetwork, System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp);
        holder.Bind(new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, 0));
        int port = ((System.Net.IPEndPoint)holder.LocalEndPoint!).Port;
        using var client = EndpointChatClient.Create(new ModelRoleSettings(ModelRole.Subject, new Uri($"http://127.0.0.1:{port}/v1"), "m", "k"));

        var error = await Assert.ThrowsAnyAsync<Exception>(() => client.GetResponseAsync("hi", cancellationToken: Token));

        Assert.True(error is ClientResultException { Status: 0 } or HttpRequestException { StatusCode: null }, error.GetType().FullName);
        Assert.True(RetryingChatClient.IsTransient(error));
    }

    [Fact]
    public void The_client_describes_its_endpoint_and_model()
    {
        using var client = EndpointChatClient.Create(new ModelRoleSettings(ModelRole.Subject, new Uri("http://127.0.0.1:9/v1"), "model-x", "k"));

        var metadata = Assert.IsType<ChatClientMetadata>(client.GetService(typeof(ChatClientMetadata)));

        Assert.Equal("model-x", metadata.DefaultModelId);
        Assert.Equal(new Uri("http://127.0.0.1:9/v1"), metadata.ProviderUri);
        Assert.Null(client.GetService(typeof(ChatClientMetadata), "keyed"));
    }

    [Fact]
    public async Task Concurrent_requests_are_served_in_parallel()
    {
        await using var server = OpenAiWireServer.Start(r => r.LastUserText.ToUpperInvariant(), latency: TimeSpan.FromMilliseconds(200));
        using var client = EndpointChatClient.Create(Settings(server));

        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => client.GetResponseAsync($"q{i}", cancellationToken: Token)));

        Assert.Equal(Enumerable.Range(0, 8).Select(i => $"Q{i}"), answers.Select(a => a.Text));
        Assert.Equal(8, server.Requests.Count);
        Assert.True(server.MaxConcurrentRequests > 1, $"max concurrency {server.MaxConcurrentRequests}");
    }

    [Fact]
    public async Task Content_other_than_text_is_sent_too()
    {
        await using var server = OpenAiWireServer.Start(_ => "a picture");
        using var client = EndpointChatClient.Create(Settings(server));
        var image = new ChatMessage(ChatRole.User, [new TextContent("what is this?"), new DataContent(new byte[] { 1, 2, 3 }, "image/png")]);

        var response = await client.GetResponseAsync([image], cancellationToken: Token);

        Assert.Equal("a picture", response.Text);
        var request = Assert.Single(server.Requests);
        Assert.Equal("what is this?", request.LastUserText);
        Assert.Contains("\"image_url\"", request.Body, StringComparison.Ordinal);
        Assert.Contains("data:image/png;base64,AQID", request.Body, StringComparison.Ordinal);
    }
}
