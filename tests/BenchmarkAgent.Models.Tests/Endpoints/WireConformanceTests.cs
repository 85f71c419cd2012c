using System.Text.Json;
using Azure.Core;
using Azure.Identity;
using BenchmarkAgent.Tests.Shared;
using Microsoft.Extensions.AI;

namespace BenchmarkAgent.Models.Tests.Endpoints;

/// <summary>What arrives at an OpenAI-compatible endpoint from the composed pipeline, through the OpenAI SDK.</summary>
public sealed class WireConformanceTests
{
    private const string Key = "sk-wire-secret-0123456789";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static ModelPipelineOptions NoTelemetry => new() { Telemetry = false };

    private static JsonElement Body(ChatRequestInfo request) => JsonDocument.Parse(request.Body).RootElement;

    [Fact]
    public async Task Model_messages_temperature_and_max_output_tokens_arrive_as_sent()
    {
        await using var server = OpenAiWireServer.Start(_ => "ok");
        using var client = ModelClientFactory.Create(new ModelRoleSettings(ModelRole.Subject, server.BaseUri, "subject-model", Key), NoTelemetry);

        await client.GetResponseAsync(
            [new(ChatRole.System, "sys"), new(ChatRole.User, "first"), new(ChatRole.Assistant, "reply"), new(ChatRole.User, "second")],
            new ChatOptions { Temperature = 0.1f, MaxOutputTokens = 64 },
            Token);

        var request = Assert.Single(server.Requests);
        var body = Body(request);
        Assert.Equal("subject-model", request.Model);
        Assert.Equal(["system", "user", "assistant", "user"], request.Messages.Select(m => m.Role));
        Assert.Equal(["sys", "first", "reply", "second"], request.Messages.Select(m => m.Content));
        Assert.Contains("\"temperature\":0.1,", request.Body, StringComparison.Ordinal); // a float keeps its shortest form
        Assert.Equal(64, body.GetProperty("max_completion_tokens").GetInt32());
        Assert.False(body.TryGetProperty("response_format", out _));
    }

    [Fact]
    public async Task Every_sampling_option_is_written_with_its_wire_name_and_additional_properties_never_reach_the_wire()
    {
        await using var server = OpenAiWireServer.Start(_ => "{}");
        using var client = ModelClientFactory.Create(new ModelRoleSettings(ModelRole.Subject, server.BaseUri, "m", Key), NoTelemetry);
        var options = new ChatOptions
        {
            Temperature = 0.5f,
            TopP = 0.9f,
            MaxOutputTokens = 64,
            Seed = 42,
            FrequencyPenalty = 0.1f,
            PresencePenalty = 0.2f,
            StopSequences = ["\n\n", "END"],
            ResponseFormat = ChatResponseFormat.Json,
            AdditionalProperties = new() { ["benchagent.repeat"] = 3, ["secret-item-answer"] = "abcdef0123" },
        };

        await client.GetResponseAsync("u", options, Token);

        var body = Body(Assert.Single(server.Requests));
        Assert.Equal(0.9, body.GetProperty("top_p").GetDouble(), 5);
        Assert.Equal(42, body.GetProperty("seed").GetInt64());
        Assert.Equal(0.1, body.GetProperty("frequency_penalty").GetDouble(), 5);
        Assert.Equal(0.2, body.GetProperty("presence_penalty").GetDouble(), 5);
        Assert.Equal(["\n\n", "END"], body.GetProperty("stop").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal("json_object", body.GetProperty("response_format").GetProperty("type").GetString());
        string text = body.GetRawText();
        Assert.DoesNotContain("benchagent", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("abcdef0123", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_judge_json_schema_response_format_arrives_as_a_json_schema()
    {
        await using var server = OpenAiWireServer.Start(_ => """{"score":4}""");
        using var client = ModelClientFactory.Create(new ModelRoleSettings(ModelRole.Judge, server.BaseUri, "judge-model", Key), NoTelemetry);
        var schema = JsonDocument.Parse("""{"type":"object","properties":{"score":{"type":"integer"}},"required":["score"],"additionalProperties":false}""").RootElement;

        var response = await client.GetResponseAsync("rate this", new ChatOptions { Temperature = 0, ResponseFormat = ChatResponseFormat.ForJsonSchema(schema, "rating", "A rating.") }, Token);

        Assert.Equal("""{"score":4}""", response.Text);
        var request = Assert.Single(server.Requests);
        Assert.Equal("judge-model", request.Model);
        Assert.Equal(0, request.Temperature);
        var format = Body(request).GetProperty("response_format");
        Assert.Equal("json_schema", format.GetProperty("type").GetString());
        var jsonSchema = format.GetProperty("json_schema");
        Assert.Equal("rating", jsonSchema.GetProperty("name").GetString());
        Assert.Equal("A rating.", jsonSchema.GetProperty("description").GetString());
        Assert.Equal("integer", jsonSchema.GetProperty("schema").GetProperty("properties").GetProperty("score").GetProperty("type").GetString());
    }

    [Fact]
    public async Task The_key_is_sent_only_in_the_authorization_header()
    {
        await using var server = OpenAiWireServer.Start(_ => "ok");
        using var client = ModelClientFactory.Create(new ModelRoleSettings(ModelRole.Subject, server.BaseUri, "m", Key), NoTelemetry);

        await client.GetResponseAsync("hi", cancellationToken: Token);

        var request = Assert.Single(server.Requests);
        Assert.Equal("Bearer " + Key, request.Headers["Authorization"]);
        Assert.Single(request.Headers, h => h.Value.Contains(Key, StringComparison.Ordinal));
        Assert.DoesNotContain(Key, request.Url, StringComparison.Ordinal);
        Assert.DoesNotContain(Key, request.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_azure_v1_endpoint_gets_the_key_as_a_bearer_token_on_its_openai_v1_path()
    {
        await using var server = OpenAiWireServer.Start(_ => "from azure");
        using var client = ModelClientFactory.Create(new ModelRoleSettings(ModelRole.Judge, server.AzureStyleBaseUri, "my-deployment", "azure-key"), NoTelemetry);

        var response = await client.GetResponseAsync("hi", cancellationToken: Token);

        Assert.Equal("from azure", response.Text);
        var request = Assert.Single(server.Requests);
        Assert.Equal("/openai/v1/chat/completions", request.Path);
        Assert.Equal("my-deployment", request.Model);
        Assert.Equal("Bearer azure-key", request.Authorization);
        Assert.DoesNotContain("azure-key", request.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Entra_sign_in_sends_a_token_for_the_cognitive_services_scope_and_never_a_key()
    {
        // Bearer tokens go over https only, so this request goes to an Azure host through an in-memory handler.
        var handler = new RecordingHandler();
        var credential = new RecordingCredential();
        var settings = new ModelRoleSettings(ModelRole.Judge, new Uri("https://my-resource.openai.azure.com/openai/v1/"), "my-deployment", null) { Authentication = ModelAuthentication.Entra };
        using var client = ModelClientFactory.Create(settings, NoTelemetry with
        {
            EntraCredential = credential,
            Transport = new System.ClientModel.Primitives.HttpClientPipelineTransport(new HttpClient(handler)),
        });

        var response = await client.GetResponseAsync("hi", cancellationToken: Token);

        Assert.Equal("signed in", response.Text);
        var request = Assert.Single(handler.Requests);
        Assert.Equal("https://my-resource.openai.azure.com/openai/v1/chat/completions", request.Url);
        Assert.Equal("Bearer " + RecordingCredential.Token, request.Authorization);
        Assert.False(request.HasApiKeyHeader);
        Assert.Equal(["https://cognitiveservices.azure.com/.default"], Assert.Single(credential.Scopes));
    }

    [Fact]
    public async Task An_entra_token_is_never_sent_over_plain_http()
    {
        await using var server = OpenAiWireServer.Start(_ => "never");
        var settings = new ModelRoleSettings(ModelRole.Judge, server.AzureStyleBaseUri, "d", null) { Authentication = ModelAuthentication.Entra };
        using var client = ModelClientFactory.Create(settings, NoTelemetry with { EntraCredential = new RecordingCredential() });

        await Assert.ThrowsAsync<InvalidOperationException>(() => client.GetResponseAsync("hi", cancellationToken: Token));

        Assert.Empty(server.Requests);
    }

    [Fact]
    public void Without_a_configured_credential_entra_uses_DefaultAzureCredential_and_signs_in_only_when_called()
    {
        var credential = EndpointChatClient.EntraCredential(new ModelPipelineOptions());

        Assert.IsType<DefaultAzureCredential>(credential);
        var settings = new ModelRoleSettings(ModelRole.Judge, new Uri("https://my-resource.openai.azure.com/openai/v1/"), "d", null) { Authentication = ModelAuthentication.Entra };
        using var client = ModelClientFactory.Create(settings); // creating the client makes no sign-in and no call
        Assert.NotNull(client.GetService<ChatClientMetadata>());
    }

    private sealed record SeenRequest(string Url, string? Authorization, bool HasApiKeyHeader);

    /// <summary>Answers every request with a fixed chat completion and records what it saw.</summary>
    private sealed class RecordingHandler : HttpMessageHandler
    {
        private readonly System.Collections.Concurrent.ConcurrentQueue<SeenRequest> _requests = new();

        public IReadOnlyList<SeenRequest> Requests => [.. _requests];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            _requests.Enqueue(new SeenRequest(request.RequestUri!.ToString(), request.Headers.Authorization?.ToString(), request.Headers.Contains("api-key")));
            return Task.FromResult(new HttpResponseMessage(System.Net.HttpStatusCode.OK)
            {
                Content = new StringContent(
                    """{"id":"c1","object":"chat.completion","created":1700000000,"model":"my-deployment","choices":[{"index":0,"message":{"role":"assistant","content":"signed in"},"finish_reason":"stop"}]}""",
                    System.Text.Encoding.UTF8,
                    "application/json"),
            });
        }
    }

    /// <summary>A credential that hands out a fixed token and records the scopes asked for (no real sign-in).</summary>
    private sealed class RecordingCredential : TokenCredential
    {
        public const string Token = "entra-token-for-tests";

        private readonly List<string[]> _scopes = [];

        public IReadOnlyList<string[]> Scopes
        {
            get
            {
                lock (_scopes)
                {
                    return [.. _scopes];
                }
            }
        }

        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
        {
            lock (_scopes)
            {
                _scopes.Add(requestContext.Scopes);
            }

            return new AccessToken(Token, DateTimeOffset.UtcNow.AddHours(1));
        }

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            ValueTask.FromResult(GetToken(requestContext, cancellationToken));
    }
}
