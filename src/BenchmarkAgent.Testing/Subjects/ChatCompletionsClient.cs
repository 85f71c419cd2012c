using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Extensions.AI;

namespace BenchmarkAgent.Testing.Subjects;

/// <summary>
/// A lean <see cref="IChatClient"/> for an OpenAI-compatible chat-completions endpoint (OpenAI, Azure OpenAI v1, Ollama,
/// vLLM, LM Studio, ...): <c>POST {Endpoint}/chat/completions</c> with a bearer key, text messages and sampling options,
/// plain or streamed. It makes one attempt per call; wrap it in <see cref="Running.RetryingChatClient"/> for retries.
/// </summary>
/// <remarks>
/// The runner uses this client rather than the OpenAI SDK because a test run is a short-lived process: its first
/// call is about 3x cheaper to start (less code to compile just in time) and each call costs less CPU, which
/// matters when hundreds of calls are pipelined. See docs/adr/0003-lean-chat-completions-client.md.
/// </remarks>
public sealed class ChatCompletionsClient : IChatClient
{
    /// <summary>The network timeout when none is given (as the OpenAI SDK's).</summary>
    public static readonly TimeSpan DefaultNetworkTimeout = TimeSpan.FromSeconds(100);

    private readonly HttpClient _http;
    private readonly Uri _completions;
    private readonly string _model;
    private readonly string? _apiKey;
    private readonly ChatClientMetadata _metadata;

    /// <summary>Creates a client for one endpoint and model.</summary>
    /// <param name="settings">The endpoint, model and key (a placeholder key is sent when there is none).</param>
    /// <param name="networkTimeout">The per-request timeout; <see langword="null"/> for <see cref="DefaultNetworkTimeout"/>.</param>
    /// <param name="handler">The HTTP handler (for tests); <see langword="null"/> for a pooled socket handler.</param>
    public ChatCompletionsClient(ChatClientSettings settings, TimeSpan? networkTimeout = null, HttpMessageHandler? handler = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _http = handler is null
            ? new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
            : new HttpClient(handler, disposeHandler: false);
        _http.Timeout = networkTimeout ?? DefaultNetworkTimeout;
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", settings.HasApiKey ? settings.ApiKey : ChatClientFactory.PlaceholderApiKey);
        _completions = new Uri(settings.Endpoint.ToString().TrimEnd('/') + "/chat/completions");
        _model = settings.Model;
        _apiKey = settings.HasApiKey ? settings.ApiKey : null;
        _metadata = new ChatClientMetadata("openai-compatible", settings.Endpoint, settings.Model);
    }

    /// <inheritdoc />
    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        using var request = Request(messages, options, stream: false);
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        await ThrowOnErrorAsync(response, cancellationToken).ConfigureAwait(false);
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        using var document = await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken).ConfigureAwait(false);
        return ChatCompletionsWire.ReadResponse(document.RootElement);
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using var request = Request(messages, options, stream: true);
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        await ThrowOnErrorAsync(response, cancellationToken).ConfigureAwait(false);
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        using var reader = new StreamReader(body);
        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            if (!line.StartsWith("data:", StringComparison.Ordinal))
            {
                continue; // blank separators, comments and other fields of the event stream
            }

            string data = line[5..].Trim();
            if (data == "[DONE]")
            {
                yield break;
            }

            using var document = JsonDocument.Parse(data);
            yield return ChatCompletionsWire.ReadChunk(document.RootElement);
        }
    }

    /// <inheritdoc />
    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return serviceKey is not null ? null
            : serviceType == typeof(ChatClientMetadata) ? _metadata
            : serviceType.IsInstanceOfType(this) ? this
            : null;
    }

    /// <inheritdoc />
    public void Dispose() => _http.Dispose();

    private HttpRequestMessage Request(IEnumerable<ChatMessage> messages, ChatOptions? options, bool stream)
    {
        var content = new ByteArrayContent(ChatCompletionsWire.WriteRequest(_model, messages, options, stream));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return new HttpRequestMessage(HttpMethod.Post, _completions) { Content = content };
    }

    private async Task ThrowOnErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        string body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        string? retryAfter = response.Headers.TryGetValues("Retry-After", out var values) ? values.FirstOrDefault() : null;
        string message = ChatCompletionsWire.ErrorMessage(body);
        if (_apiKey is { Length: > 0 } key)
        {
            // An endpoint may echo the key it rejected; the message goes to test output and reports, the key must not.
            message = message.Replace(key, "***", StringComparison.Ordinal);
        }

        throw new ChatEndpointException(response.StatusCode, message, retryAfter);
    }
}
