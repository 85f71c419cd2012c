using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace BenchmarkAgent.Tests.Shared;

/// <summary>
/// A fault-injecting OpenAI-wire chat-completions server on 127.0.0.1, written on raw sockets so it can do what an HTTP
/// framework will not: reset connections, stall or truncate bodies, send malformed JSON, empty <c>choices</c> or null
/// content, and 429/500/503 with or without <c>Retry-After</c>. Each request gets a <see cref="WireFault"/> from the
/// chooser, which sees the request's user text and how often that text was asked before, so a retry can succeed. It is
/// bounded: one connection per request (<c>Connection: close</c>), stalled bodies end when the server is disposed.
/// Reusable for any role (subject, judge, generator).
/// </summary>
public sealed class FaultyOpenAiServer : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly Func<string, string> _responder;
    private readonly Func<string, int, WireFault> _chooser;
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<string, int> _attempts = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<(string UserText, int Attempt, WireFault Fault)> _log = new();
    private readonly ConcurrentBag<Task> _connections = [];
    private readonly Task _acceptLoop;

    private FaultyOpenAiServer(Func<string, string> responder, Func<string, int, WireFault> chooser)
    {
        _responder = responder;
        _chooser = chooser;
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        _acceptLoop = Task.Run(AcceptLoopAsync);
    }

    /// <summary>The base URL to configure as an endpoint (<c>http://127.0.0.1:port/v1</c>).</summary>
    public Uri BaseUri => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/v1");

    /// <summary>Every request served: user text, attempt (0 first) and the fault applied.</summary>
    public IReadOnlyList<(string UserText, int Attempt, WireFault Fault)> Log => [.. _log];

    /// <summary>Starts a server that answers with <paramref name="responder"/> unless <paramref name="chooser"/> (user text, attempt) picks a fault.</summary>
    public static FaultyOpenAiServer Start(Func<string, string> responder, Func<string, int, WireFault> chooser)
    {
        ArgumentNullException.ThrowIfNull(responder);
        ArgumentNullException.ThrowIfNull(chooser);
        return new FaultyOpenAiServer(responder, chooser);
    }

    /// <summary>
    /// A seeded mix: of all requests, about <paramref name="statusShare"/> get 429 (half with Retry-After) or 500/503,
    /// <paramref name="stallShare"/> a stalled body, <paramref name="malformedShare"/> a malformed answer (bad JSON, empty
    /// choices, null content, truncated body), and a small share a reset; the rest are answered normally.
    /// </summary>
    public static Func<string, int, WireFault> Mix(int seed, double statusShare = 0.2, double stallShare = 0.05, double malformedShare = 0.05, double resetShare = 0.02) =>
        (text, attempt) =>
        {
            double roll = new Random(HashCode.Combine(seed, StringComparer.Ordinal.GetHashCode(text) & 0x7fffffff, attempt) ^ seed).NextDouble();
            int pick = (int)(roll * 1_000_000) % 4;
            if ((roll -= statusShare) < 0)
            {
                return pick switch { 0 => WireFault.TooManyRequestsWithRetryAfter, 1 => WireFault.TooManyRequests, 2 => WireFault.InternalServerError, _ => WireFault.ServiceUnavailable };
            }

            if ((roll -= stallShare) < 0)
            {
                return WireFault.StalledBody;
            }

            if ((roll -= malformedShare) < 0)
            {
                return pick switch { 0 => WireFault.MalformedJson, 1 => WireFault.EmptyChoices, 2 => WireFault.NullContent, _ => WireFault.TruncatedBody };
            }

            return roll - resetShare < 0 ? WireFault.Reset : WireFault.None;
        };

    /// <summary>Stops accepting, releases stalled bodies and waits for every connection.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_stopping.IsCancellationRequested)
        {
            return;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        _listener.Stop();
        try
        {
            await _acceptLoop.ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
        }

        await Task.WhenAll(_connections).ConfigureAwait(false);
        _stopping.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await _listener.AcceptSocketAsync(_stopping.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _connections.Add(Task.Run(() => ServeAsync(socket)));
        }
    }

    private async Task ServeAsync(Socket socket)
    {
        try
        {
            using var stream = new NetworkStream(socket, ownsSocket: false);
            string body = await ReadRequestBodyAsync(stream).ConfigureAwait(false);
            string userText = LastUserText(body);
            int attempt = _attempts.AddOrUpdate(userText, 0, (_, n) => n + 1);
            var fault = _chooser(userText, attempt);
            _log.Enqueue((userText, attempt, fault));
            await RespondAsync(socket, stream, fault, userText).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException or OperationCanceledException or JsonException)
        {
            // The client went away, or the server is stopping.
        }
        finally
        {
            socket.Dispose();
        }
    }

    private async Task RespondAsync(Socket socket, NetworkStream stream, WireFault fault, string userText)
    {
        static string Completion(string contentJson) =>
            """{"id":"chatcmpl-f","object":"chat.completion","created":1,"model":"faulty","choices":[{"index":0,"message":{"role":"assistant","content":"""
            + contentJson
            + """},"finish_reason":"stop"}],"usage":{"prompt_tokens":3,"completion_tokens":2,"total_tokens":5}}""";
        switch (fault)
        {
            case WireFault.Reset:
                socket.LingerState = new LingerOption(true, 0);
                socket.Close(0);
                return;
            case WireFault.TooManyRequestsWithRetryAfter:
                await WriteAsync(stream, 429, "Too Many Requests", """{"error":{"message":"rate limited","type":"rate_limit"}}""", "Retry-After: 0\r\n").ConfigureAwait(false);
                return;
            case WireFault.TooManyRequests:
                await WriteAsync(stream, 429, "Too Many Requests", """{"error":{"message":"rate limited","type":"rate_limit"}}""").ConfigureAwait(false);
                return;
            case WireFault.InternalServerError:
                await WriteAsync(stream, 500, "Internal Server Error", """{"error":{"message":"boom","type":"server_error"}}""").ConfigureAwait(false);
                return;
            case WireFault.ServiceUnavailable:
                await WriteAsync(stream, 503, "Service Unavailable", """{"error":{"message":"overloaded","type":"server_error"}}""").ConfigureAwait(false);
                return;
            case WireFault.MalformedJson:
                await WriteAsync(stream, 200, "OK", """{"id":"chatcmpl-f","choices":[{"message":{"content":"unterminated""").ConfigureAwait(false);
                return;
            case WireFault.EmptyChoices:
                await WriteAsync(stream, 200, "OK", """{"id":"chatcmpl-f","object":"chat.completion","created":1,"model":"faulty","choices":[]}""").ConfigureAwait(false);
                return;
            case WireFault.NullContent:
                await WriteAsync(stream, 200, "OK", Completion("null")).ConfigureAwait(false);
                return;
            case WireFault.StalledBody:
            case WireFault.TruncatedBody:
            {
                byte[] full = Encoding.UTF8.GetBytes(Completion(JsonSerializer.Serialize(_responder(userText))));
                string head = $"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {full.Length}\r\nConnection: close\r\n\r\n";
                await stream.WriteAsync(Encoding.ASCII.GetBytes(head), _stopping.Token).ConfigureAwait(false);
                await stream.WriteAsync(full.AsMemory(0, full.Length / 2), _stopping.Token).ConfigureAwait(false);
                await stream.FlushAsync(_stopping.Token).ConfigureAwait(false);
                if (fault == WireFault.StalledBody)
                {
                    await Task.Delay(Timeout.Infinite, _stopping.Token).ConfigureAwait(false);
                }

                return;
            }

            default:
                await WriteAsync(stream, 200, "OK", Completion(JsonSerializer.Serialize(_responder(userText)))).ConfigureAwait(false);
                return;
        }
    }

    private async Task WriteAsync(NetworkStream stream, int status, string reason, string body, string extraHeaders = "")
    {
        byte[] bytes = Encoding.UTF8.GetBytes(body);
        string head = $"HTTP/1.1 {status} {reason}\r\nContent-Type: application/json\r\nContent-Length: {bytes.Length}\r\n{extraHeaders}Connection: close\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head), _stopping.Token).ConfigureAwait(false);
        await stream.WriteAsync(bytes, _stopping.Token).ConfigureAwait(false);
        await stream.FlushAsync(_stopping.Token).ConfigureAwait(false);
    }

    private async Task<string> ReadRequestBodyAsync(NetworkStream stream)
    {
        var buffer = new List<byte>(4096);
        var chunk = new byte[4096];
        int headerEnd = -1;
        int contentLength = 0;
        while (true)
        {
            int read = await stream.ReadAsync(chunk, _stopping.Token).ConfigureAwait(false);
            if (read == 0)
            {
                throw new IOException("The client closed the connection before the request ended.");
            }

            buffer.AddRange(chunk.AsSpan(0, read));
            if (headerEnd < 0)
            {
                headerEnd = IndexOfHeaderEnd(buffer);
                if (headerEnd >= 0)
                {
                    string headers = Encoding.ASCII.GetString(buffer.GetRange(0, headerEnd).ToArray());
                    foreach (string line in headers.Split("\r\n"))
                    {
                        if (line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
                        {
                            contentLength = int.Parse(line["Content-Length:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
                        }
                    }
                }
                else if (buffer.Count > 64 * 1024)
                {
                    throw new IOException("Request headers too large.");
                }
            }

            if (headerEnd >= 0 && buffer.Count - (headerEnd + 4) >= contentLength)
            {
                return Encoding.UTF8.GetString(buffer.GetRange(headerEnd + 4, contentLength).ToArray());
            }
        }
    }

    private static int IndexOfHeaderEnd(List<byte> buffer)
    {
        for (int i = 3; i < buffer.Count; i++)
        {
            if (buffer[i - 3] == '\r' && buffer[i - 2] == '\n' && buffer[i - 1] == '\r' && buffer[i] == '\n')
            {
                return i - 3;
            }
        }

        return -1;
    }

    private static string LastUserText(string body)
    {
        using var document = JsonDocument.Parse(body);
        string text = string.Empty;
        foreach (var message in document.RootElement.GetProperty("messages").EnumerateArray())
        {
            if (message.GetProperty("role").GetString() == "user" && message.TryGetProperty("content", out var content))
            {
                text = content.ValueKind == JsonValueKind.String ? content.GetString() ?? string.Empty : content.GetRawText();
            }
        }

        return text;
    }
}
