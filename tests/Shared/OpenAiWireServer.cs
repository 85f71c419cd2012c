using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace BenchmarkAgent.Tests.Shared;

/// <summary>
/// An in-test HTTP server on 127.0.0.1 that speaks the OpenAI chat-completions wire format, so real clients
/// (Microsoft.Extensions.AI.OpenAI, OpenAI SDK) can be tested end to end without a network.
/// </summary>
/// <remarks>
/// <para>Endpoints: <c>POST /v1/chat/completions</c> and, as Azure OpenAI v1 serves it, <c>POST /openai/v1/chat/completions</c>
/// (JSON or, with <c>stream: true</c>, server-sent events) and <c>GET /v1/models</c>; anything else gets a 404 JSON error.</para>
/// <para>Answers come from a responder; a responder exception becomes a 500. <c>failWith</c> can turn a request into
/// an error status (with <c>retryAfter</c>, a <c>Retry-After</c> header; with <c>errorMessage</c>, its own
/// <c>error.message</c>). The product's endpoint client makes one attempt per call (the OpenAI SDK's retries are off); a
/// raw OpenAI SDK client retries 408/429/5xx itself, so count attempts via <see cref="Requests"/>.</para>
/// <para>Requests are handled concurrently on the thread pool; <see cref="MaxConcurrentRequests"/> reports the peak.</para>
/// </remarks>
public sealed class OpenAiWireServer : IAsyncDisposable
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = null };

    private readonly HttpListener _listener;
    private readonly Func<ChatRequestInfo, string> _responder;
    private readonly Func<ChatRequestInfo, int?>? _failWith;
    private readonly Func<ChatRequestInfo, string?>? _retryAfter;
    private readonly Func<ChatRequestInfo, string>? _errorMessage;
    private readonly Func<ChatRequestInfo, TimeSpan>? _delay;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _gate = new();
    private readonly List<ChatRequestInfo> _requests = [];
    private readonly List<Task> _handlers = [];
    private readonly Task _acceptLoop;
    private int _inFlight;
    private int _maxInFlight;
    private int _sequence = -1;

    private OpenAiWireServer(HttpListener listener, int port, Func<ChatRequestInfo, string> responder, TimeSpan latency, Func<ChatRequestInfo, int?>? failWith, Func<ChatRequestInfo, string?>? retryAfter, Func<ChatRequestInfo, string>? errorMessage, Func<ChatRequestInfo, TimeSpan>? delay = null)
    {
        _delay = delay;
        _errorMessage = errorMessage;
        _listener = listener;
        _responder = responder;
        _failWith = failWith;
        _retryAfter = retryAfter;
        Port = port;
        Latency = latency;
        BaseUrl = $"http://127.0.0.1:{port}/v1";
        _acceptLoop = Task.Run(AcceptLoopAsync);
    }

    /// <summary>The port the server listens on.</summary>
    public int Port { get; }

    /// <summary>The base URL including <c>/v1</c>, as a user would set <c>OPENAI_BASE_URL</c>.</summary>
    public string BaseUrl { get; }

    /// <summary><see cref="BaseUrl"/> as a <see cref="Uri"/>.</summary>
    public Uri BaseUri => new(BaseUrl);

    /// <summary>The base URL as Azure OpenAI v1 spells it: <c>http://127.0.0.1:port/openai/v1/</c>.</summary>
    public Uri AzureStyleBaseUri => new($"http://127.0.0.1:{Port}/openai/v1/");

    /// <summary>The fixed delay before every chat response.</summary>
    public TimeSpan Latency { get; }

    /// <summary>A snapshot of the chat-completions requests received so far, in arrival order.</summary>
    public IReadOnlyList<ChatRequestInfo> Requests
    {
        get
        {
            lock (_gate)
            {
                return [.. _requests.OrderBy(r => r.Sequence)];
            }
        }
    }

    /// <summary>The highest number of chat requests that were in progress at the same time.</summary>
    public int MaxConcurrentRequests => Volatile.Read(ref _maxInFlight);

    /// <summary>Starts a server on a free loopback port.</summary>
    /// <param name="responder">Returns the assistant text for a request.</param>
    /// <param name="latency">A fixed delay before each chat response.</param>
    /// <param name="failWith">Returns an HTTP status code to fail a request with, or null to answer it.</param>
    /// <param name="retryAfter">Returns the <c>Retry-After</c> header of a failed request (seconds or an HTTP date), or null for none.</param>
    /// <param name="errorMessage">Returns the <c>error.message</c> of a failed request (e.g. one that echoes the key); null for the default.</param>
    /// <param name="delay">Returns an extra delay for one request (e.g. longer than the client's timeout); null for none.</param>
    /// <returns>The running server; dispose it to stop.</returns>
    public static OpenAiWireServer Start(Func<ChatRequestInfo, string> responder, TimeSpan latency = default, Func<ChatRequestInfo, int?>? failWith = null, Func<ChatRequestInfo, string?>? retryAfter = null, Func<ChatRequestInfo, string>? errorMessage = null, Func<ChatRequestInfo, TimeSpan>? delay = null)
    {
        ArgumentNullException.ThrowIfNull(responder);
        HttpListenerException? lastError = null;
        for (int attempt = 0; attempt < 20; attempt++)
        {
            int port = FreePort();
            var listener = new HttpListener();
            listener.Prefixes.Add($"http://127.0.0.1:{port}/");
            try
            {
                listener.Start();
                return new OpenAiWireServer(listener, port, responder, latency, failWith, retryAfter, errorMessage, delay);
            }
            catch (HttpListenerException ex)
            {
                lastError = ex;
                listener.Close();
            }
        }

        throw new InvalidOperationException("Could not bind the OpenAI wire test server to a free loopback port.", lastError);
    }

    /// <summary>Stops accepting requests and waits for in-flight ones.</summary>
    /// <returns>A task that completes when the server has stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        if (_stopping.IsCancellationRequested)
        {
            return;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        try
        {
            _listener.Stop();
        }
        catch (ObjectDisposedException)
        {
        }

        await _acceptLoop.ConfigureAwait(false);
        Task[] handlers;
        lock (_gate)
        {
            handlers = [.. _handlers];
        }

        await Task.WhenAll(handlers).ConfigureAwait(false);
        try
        {
            _listener.Close();
        }
        catch (HttpListenerException)
        {
            // On Unix, Close after Stop registers the prefix again, which binds the port again: when another server
            // has taken the freed port meanwhile, that fails. The listener is stopped already; nothing is lost.
        }

        _stopping.Dispose();
    }

    private static int FreePort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        try
        {
            return ((IPEndPoint)probe.LocalEndpoint).Port;
        }
        finally
        {
            probe.Stop();
        }
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            var handler = Task.Run(() => HandleSafelyAsync(context));
            lock (_gate)
            {
                _handlers.RemoveAll(t => t.IsCompleted);
                _handlers.Add(handler);
            }
        }
    }

    private async Task HandleSafelyAsync(HttpListenerContext context)
    {
        try
        {
            await HandleAsync(context).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or IOException or OperationCanceledException)
        {
            // The client went away or the server is stopping.
        }
        finally
        {
            try
            {
                context.Response.Close();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
            }
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        var request = context.Request;
        string path = request.Url?.AbsolutePath.TrimEnd('/') ?? string.Empty;
        if (path == "/v1/models" && request.HttpMethod == "GET")
        {
            await WriteJsonAsync(context.Response, 200, new { @object = "list", data = new[] { new { id = "test-model", @object = "model", created = Now(), owned_by = "tests" } } }).ConfigureAwait(false);
            return;
        }

        if (path is not ("/v1/chat/completions" or "/openai/v1/chat/completions"))
        {
            await WriteErrorAsync(context.Response, 404, $"Unknown path {request.HttpMethod} {path}.", "not_found").ConfigureAwait(false);
            return;
        }

        if (request.HttpMethod != "POST")
        {
            await WriteErrorAsync(context.Response, 405, "Use POST for chat completions.", "method_not_allowed").ConfigureAwait(false);
            return;
        }

        string body;
        using (var reader = new StreamReader(request.InputStream, Encoding.UTF8))
        {
            body = await reader.ReadToEndAsync(_stopping.Token).ConfigureAwait(false);
        }

        ChatRequestInfo info;
        bool includeUsage;
        try
        {
            (info, includeUsage) = Parse(path, body, request.Headers["Authorization"]);
            info = info with
            {
                Url = request.Url?.ToString() ?? string.Empty,
                Headers = request.Headers.AllKeys.Where(k => k is not null).ToDictionary(k => k!, k => request.Headers[k] ?? string.Empty, StringComparer.OrdinalIgnoreCase),
            };
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or KeyNotFoundException)
        {
            await WriteErrorAsync(context.Response, 400, $"Malformed chat request: {ex.Message}", "invalid_request").ConfigureAwait(false);
            return;
        }

        lock (_gate)
        {
            _requests.Add(info);
        }

        int now = Interlocked.Increment(ref _inFlight);
        InterlockedMax(ref _maxInFlight, now);
        try
        {
            if (Latency > TimeSpan.Zero)
            {
                await Task.Delay(Latency, _stopping.Token).ConfigureAwait(false);
            }

            if (_delay?.Invoke(info) is { } extra && extra > TimeSpan.Zero)
            {
                await Task.Delay(extra, _stopping.Token).ConfigureAwait(false);
            }

            if (_failWith?.Invoke(info) is { } status)
            {
                if (_retryAfter?.Invoke(info) is { } retryAfter)
                {
                    context.Response.Headers["Retry-After"] = retryAfter;
                }

                await WriteErrorAsync(context.Response, status, _errorMessage?.Invoke(info) ?? $"Simulated failure with status {status}.", "simulated").ConfigureAwait(false);
                return;
            }

            string text;
            try
            {
                text = _responder(info);
            }
            catch (Exception ex)
            {
                await WriteErrorAsync(context.Response, 500, $"Responder failed: {ex.Message}", "responder_error").ConfigureAwait(false);
                return;
            }

            if (info.Stream)
            {
                await WriteStreamAsync(context.Response, info, text, includeUsage).ConfigureAwait(false);
            }
            else
            {
                await WriteJsonAsync(context.Response, 200, Completion(info, text)).ConfigureAwait(false);
            }
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    private (ChatRequestInfo Info, bool IncludeUsage) Parse(string path, string body, string? authorization)
    {
        using var document = JsonDocument.Parse(body);
        var root = document.RootElement;
        string model = root.TryGetProperty("model", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString()! : string.Empty;
        var messages = new List<ChatRequestMessage>();
        if (root.TryGetProperty("messages", out var list) && list.ValueKind == JsonValueKind.Array)
        {
            foreach (var message in list.EnumerateArray())
            {
                string role = message.TryGetProperty("role", out var r) ? r.GetString() ?? string.Empty : string.Empty;
                messages.Add(new ChatRequestMessage(role, ContentText(message)));
            }
        }

        bool stream = root.TryGetProperty("stream", out var s) && s.ValueKind == JsonValueKind.True;
        double? temperature = root.TryGetProperty("temperature", out var t) && t.ValueKind == JsonValueKind.Number ? t.GetDouble() : null;
        bool includeUsage = root.TryGetProperty("stream_options", out var so) && so.ValueKind == JsonValueKind.Object &&
            so.TryGetProperty("include_usage", out var iu) && iu.ValueKind == JsonValueKind.True;
        string lastUser = messages.LastOrDefault(x => x.Role == "user")?.Content ?? string.Empty;
        int sequence = Interlocked.Increment(ref _sequence);
        return (new ChatRequestInfo(path, model, messages, lastUser, authorization, stream, temperature, body, sequence), includeUsage);
    }

    private static string ContentText(JsonElement message)
    {
        if (!message.TryGetProperty("content", out var content))
        {
            return string.Empty;
        }

        return content.ValueKind switch
        {
            JsonValueKind.String => content.GetString() ?? string.Empty,
            JsonValueKind.Array => string.Join("\n", content.EnumerateArray()
                .Where(part => part.ValueKind == JsonValueKind.Object && part.TryGetProperty("type", out var type) && type.GetString() == "text")
                .Select(part => part.TryGetProperty("text", out var text) ? text.GetString() ?? string.Empty : string.Empty)),
            _ => string.Empty,
        };
    }

    private static object Completion(ChatRequestInfo info, string text)
    {
        var (prompt, completion) = Tokens(info, text);
        return new
        {
            id = CompletionId(info),
            @object = "chat.completion",
            created = Now(),
            model = info.Model,
            choices = new[] { new { index = 0, message = new { role = "assistant", content = text }, finish_reason = "stop" } },
            usage = new { prompt_tokens = prompt, completion_tokens = completion, total_tokens = prompt + completion },
        };
    }

    private async Task WriteStreamAsync(HttpListenerResponse response, ChatRequestInfo info, string text, bool includeUsage)
    {
        response.StatusCode = 200;
        response.ContentType = "text/event-stream";
        response.SendChunked = true;
        string id = CompletionId(info);
        long created = Now();
        var chunks = new List<object>
        {
            Chunk(id, created, info.Model, new { role = "assistant", content = string.Empty }, null),
        };
        foreach (string piece in Pieces(text))
        {
            chunks.Add(Chunk(id, created, info.Model, new { content = piece }, null));
        }

        chunks.Add(Chunk(id, created, info.Model, new { }, "stop"));
        if (includeUsage)
        {
            var (prompt, completion) = Tokens(info, text);
            chunks.Add(new
            {
                id,
                @object = "chat.completion.chunk",
                created,
                model = info.Model,
                choices = Array.Empty<object>(),
                usage = new { prompt_tokens = prompt, completion_tokens = completion, total_tokens = prompt + completion },
            });
        }

        var output = response.OutputStream;
        foreach (var chunk in chunks)
        {
            byte[] bytes = Encoding.UTF8.GetBytes($"data: {JsonSerializer.Serialize(chunk, Json)}\n\n");
            await output.WriteAsync(bytes, _stopping.Token).ConfigureAwait(false);
            await output.FlushAsync(_stopping.Token).ConfigureAwait(false);
        }

        byte[] done = Encoding.UTF8.GetBytes("data: [DONE]\n\n");
        await output.WriteAsync(done, _stopping.Token).ConfigureAwait(false);
    }

    private static object Chunk(string id, long created, string model, object delta, string? finishReason) => new
    {
        id,
        @object = "chat.completion.chunk",
        created,
        model,
        choices = new[] { new { index = 0, delta, finish_reason = finishReason } },
    };

    private static IEnumerable<string> Pieces(string text)
    {
        // Split into word-sized pieces, keeping separators, so streaming clients must concatenate.
        int start = 0;
        for (int i = 1; i <= text.Length; i++)
        {
            if (i == text.Length || text[i] == ' ')
            {
                yield return text[start..i];
                start = i;
            }
        }
    }

    private async Task WriteErrorAsync(HttpListenerResponse response, int status, string message, string code) =>
        await WriteJsonAsync(response, status, new { error = new { message, type = "invalid_request_error", param = (string?)null, code } }).ConfigureAwait(false);

    private async Task WriteJsonAsync(HttpListenerResponse response, int status, object payload)
    {
        byte[] bytes = JsonSerializer.SerializeToUtf8Bytes(payload, Json);
        response.StatusCode = status;
        response.ContentType = "application/json";
        response.ContentLength64 = bytes.Length;
        await response.OutputStream.WriteAsync(bytes, _stopping.Token).ConfigureAwait(false);
    }

    private static (int Prompt, int Completion) Tokens(ChatRequestInfo info, string text) =>
        (Math.Max(1, info.Messages.Sum(m => WordCount(m.Content))), Math.Max(1, WordCount(text)));

    private static int WordCount(string text) => text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;

    private static string CompletionId(ChatRequestInfo info) => $"chatcmpl-test{info.Sequence:D6}";

    private static long Now() => DateTimeOffset.UtcNow.ToUnixTimeSeconds();

    private static void InterlockedMax(ref int target, int value)
    {
        int current = Volatile.Read(ref target);
        while (value > current)
        {
            int seen = Interlocked.CompareExchange(ref target, value, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }
}
