using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace BenchmarkAgent.Tests.Shared;

/// <summary>
/// An in-test HTTP server on 127.0.0.1 that implements the OpenAI files and batches endpoints (and, to count live calls,
/// chat completions), under <c>/v1</c> and Azure OpenAI's <c>/openai/v1</c>: <c>POST /files</c> (multipart, purpose
/// <c>batch</c>), <c>POST /batches</c>, <c>GET /batches/{id}</c> (<c>in_progress</c> for the first polls, then
/// <c>completed</c>), <c>GET /files/{id}/content</c>. A batch's results are computed from its input file: each line must
/// be <c>{custom_id, method: POST, url, body: {model, messages}}</c>; the answer comes from a responder and the lines the
/// failure predicate picks go to the error file with a 400 response. Counts every call by kind.
/// </summary>
public sealed class OpenAiBatchServer : IAsyncDisposable
{
    private readonly HttpListener _listener;
    private readonly Func<string, string> _answer;
    private readonly Func<string, bool> _failLine;
    private readonly int _inProgressPolls;
    private readonly string _expectedLineUrl;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, byte[]> _files = [];
    private readonly Dictionary<string, (string InputFileId, int Polls)> _batches = [];
    private readonly List<string> _log = [];
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _loop;
    private int _failCreates;

    private OpenAiBatchServer(HttpListener listener, int port, Func<string, string> answer, Func<string, bool> failLine, int inProgressPolls, string expectedLineUrl)
    {
        _listener = listener;
        _answer = answer;
        _failLine = failLine;
        _inProgressPolls = inProgressPolls;
        _expectedLineUrl = expectedLineUrl;
        Port = port;
        _loop = Task.Run(LoopAsync);
    }

    /// <summary>The port.</summary>
    public int Port { get; }

    /// <summary>The OpenAI-style base URL, <c>http://127.0.0.1:port/v1</c>.</summary>
    public Uri BaseUri => new($"http://127.0.0.1:{Port}/v1");

    /// <summary>The Azure OpenAI v1-style base URL, <c>http://127.0.0.1:port/openai/v1/</c>.</summary>
    public Uri AzureStyleBaseUri => new($"http://127.0.0.1:{Port}/openai/v1/");

    /// <summary>Every call as <c>METHOD /path</c>, in order.</summary>
    public IReadOnlyList<string> Log
    {
        get
        {
            lock (_gate)
            {
                return [.. _log];
            }
        }
    }

    /// <summary>Every Authorization header received.</summary>
    public List<string?> Authorizations { get; } = [];

    /// <summary>How many files were uploaded.</summary>
    public int Uploads => Count("POST", "/files");

    /// <summary>How many batches were created.</summary>
    public int Creates => Count("POST", "/batches");

    /// <summary>How many status polls were made.</summary>
    public int Polls => Log.Count(l => l.StartsWith("GET ", StringComparison.Ordinal) && l.Contains("/batches/", StringComparison.Ordinal));

    /// <summary>The last user message of every live chat-completions call, in order.</summary>
    public List<string> LiveQuestions { get; } = [];

    /// <summary>How many live chat-completions calls were made.</summary>
    public int LiveCalls => Count("POST", "/chat/completions");

    /// <summary>The uploaded input files' text, in upload order.</summary>
    public IReadOnlyList<string> UploadedInputs
    {
        get
        {
            lock (_gate)
            {
                return [.. _files.Where(f => f.Key.StartsWith("file-in-", StringComparison.Ordinal)).OrderBy(f => int.Parse(f.Key["file-in-".Length..], System.Globalization.CultureInfo.InvariantCulture)).Select(f => Encoding.UTF8.GetString(f.Value))];
            }
        }
    }

    /// <summary>Makes the next <paramref name="count"/> batch creations fail with 500 (a crash between upload and create).</summary>
    public void FailNextCreates(int count) => Interlocked.Exchange(ref _failCreates, count);

    /// <summary>Starts the server.</summary>
    /// <param name="answer">The answer text for a request's last user message.</param>
    /// <param name="failLine">Whether a line (by its last user message) fails in the batch.</param>
    /// <param name="inProgressPolls">How many status polls answer <c>in_progress</c> before <c>completed</c>.</param>
    /// <param name="expectedLineUrl">The <c>url</c> every line and the batch <c>endpoint</c> must name.</param>
    /// <returns>The server.</returns>
    public static OpenAiBatchServer Start(Func<string, string> answer, Func<string, bool>? failLine = null, int inProgressPolls = 2, string expectedLineUrl = "/v1/chat/completions")
    {
        for (int attempt = 0; ; attempt++)
        {
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            int port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            var listener = new HttpListener();
            listener.Prefixes.Add($"http://127.0.0.1:{port}/");
            try
            {
                listener.Start();
                return new OpenAiBatchServer(listener, port, answer, failLine ?? (_ => false), inProgressPolls, expectedLineUrl);
            }
            catch (HttpListenerException) when (attempt < 20)
            {
                listener.Close();
            }
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _listener.Stop();
        await _loop;
        try
        {
            _listener.Close();
        }
        catch (HttpListenerException)
        {
        }

        _stopping.Dispose();
    }

    private int Count(string method, string suffix) => Log.Count(l => l.StartsWith(method + " ", StringComparison.Ordinal) && l.EndsWith(suffix, StringComparison.Ordinal));

    private async Task LoopAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            try
            {
                await HandleAsync(context); // one at a time: the counts and batch state stay simple
            }
            catch (Exception ex) when (ex is HttpListenerException or IOException or ObjectDisposedException)
            {
            }
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        var request = context.Request;
        string path = request.Url!.AbsolutePath;
        string local = path.StartsWith("/openai/v1/", StringComparison.Ordinal) ? path["/openai/v1".Length..]
            : path.StartsWith("/v1/", StringComparison.Ordinal) ? path["/v1".Length..] : path;
        using var buffer = new MemoryStream();
        await request.InputStream.CopyToAsync(buffer);
        byte[] body = buffer.ToArray();
        lock (_gate)
        {
            _log.Add($"{request.HttpMethod} {path}");
            Authorizations.Add(request.Headers["Authorization"]);
        }

        (int status, string json, string type) = (request.HttpMethod, local) switch
        {
            ("POST", "/files") => Upload(request.ContentType, body),
            ("POST", "/batches") => Create(body),
            ("GET", _) when local.StartsWith("/batches/", StringComparison.Ordinal) => Status(local["/batches/".Length..]),
            ("GET", _) when local.StartsWith("/files/", StringComparison.Ordinal) && local.EndsWith("/content", StringComparison.Ordinal) => Content(local["/files/".Length..^"/content".Length]),
            ("POST", "/chat/completions") => Live(JsonNode.Parse(body)!),
            _ => Error(404, "no such endpoint: " + path),
        };
        byte[] reply = Encoding.UTF8.GetBytes(json);
        context.Response.StatusCode = status;
        context.Response.ContentType = type;
        context.Response.ContentLength64 = reply.Length;
        await context.Response.OutputStream.WriteAsync(reply);
        context.Response.Close();
    }

    private (int, string, string) Live(JsonNode body)
    {
        string question = LastUserText(body) ?? string.Empty;
        lock (_gate)
        {
            LiveQuestions.Add(question);
        }

        return (200, Completion(_answer(question), body["model"]!.GetValue<string>()), "application/json");
    }

    private (int, string, string) Upload(string? contentType, byte[] body)
    {
        string boundary = "--" + (contentType?.Split("boundary=").ElementAtOrDefault(1)?.Trim('"') ?? throw new InvalidOperationException("no boundary"));
        string text = Encoding.UTF8.GetString(body);
        string? purpose = null;
        string? file = null;
        foreach (string part in text.Split(boundary))
        {
            int split = part.IndexOf("\r\n\r\n", StringComparison.Ordinal);
            if (split < 0)
            {
                continue;
            }

            string headers = part[..split];
            string content = part[(split + 4)..];
            content = content.EndsWith("\r\n", StringComparison.Ordinal) ? content[..^2] : content;
            if (headers.Contains("name=purpose", StringComparison.Ordinal) || headers.Contains("name=\"purpose\"", StringComparison.Ordinal))
            {
                purpose = content;
            }
            else if (headers.Contains("name=file", StringComparison.Ordinal) || headers.Contains("name=\"file\"", StringComparison.Ordinal))
            {
                file = content;
            }
        }

        if (purpose != "batch" || file is null)
        {
            return Error(400, $"expected purpose=batch and a file; got purpose={purpose}");
        }

        foreach (string line in file.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var node = JsonNode.Parse(line)!;
            if (node["custom_id"]?.GetValue<string>() is not { Length: > 0 } || node["method"]?.GetValue<string>() != "POST"
                || node["url"]?.GetValue<string>() != _expectedLineUrl || node["body"]?["model"] is null || node["body"]?["messages"] is not JsonArray)
            {
                return Error(400, "malformed batch line: " + line[..Math.Min(200, line.Length)]);
            }
        }

        lock (_gate)
        {
            string id = $"file-in-{_files.Count(f => f.Key.StartsWith("file-in-", StringComparison.Ordinal))}";
            _files[id] = Encoding.UTF8.GetBytes(file);
            return (200, new JsonObject { ["id"] = id, ["object"] = "file", ["purpose"] = "batch", ["bytes"] = file.Length }.ToJsonString(), "application/json");
        }
    }

    private (int, string, string) Create(byte[] body)
    {
        if (Interlocked.Decrement(ref _failCreates) >= 0)
        {
            return Error(500, "simulated outage while creating the batch");
        }

        var request = JsonNode.Parse(body)!;
        string? input = request["input_file_id"]?.GetValue<string>();
        lock (_gate)
        {
            if (input is null || !_files.ContainsKey(input) || request["endpoint"]?.GetValue<string>() != _expectedLineUrl || request["completion_window"]?.GetValue<string>() != "24h")
            {
                return Error(400, "bad batch request: " + Encoding.UTF8.GetString(body));
            }

            string id = $"batch_{_batches.Count}";
            _batches[id] = (input, 0);
            return (200, new JsonObject { ["id"] = id, ["object"] = "batch", ["status"] = "validating", ["input_file_id"] = input }.ToJsonString(), "application/json");
        }
    }

    private (int, string, string) Status(string id)
    {
        lock (_gate)
        {
            if (!_batches.TryGetValue(id, out var batch))
            {
                return Error(404, "no such batch " + id);
            }

            _batches[id] = batch with { Polls = batch.Polls + 1 };
            if (batch.Polls < _inProgressPolls)
            {
                return (200, new JsonObject { ["id"] = id, ["status"] = "in_progress" }.ToJsonString(), "application/json");
            }

            var output = new StringBuilder();
            var errors = new StringBuilder();
            foreach (string line in Encoding.UTF8.GetString(_files[batch.InputFileId]).Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                var node = JsonNode.Parse(line)!;
                string customId = node["custom_id"]!.GetValue<string>();
                string question = LastUserText(node["body"]!) ?? string.Empty;
                if (_failLine(question))
                {
                    errors.Append(new JsonObject
                    {
                        ["id"] = "batch_req_" + customId[..8],
                        ["custom_id"] = customId,
                        ["response"] = new JsonObject { ["status_code"] = 400, ["body"] = JsonNode.Parse(ErrorBody("content_policy_violation", "This request was refused by the simulated provider.")) },
                        ["error"] = null,
                    }.ToJsonString()).Append('\n');
                }
                else
                {
                    output.Append(new JsonObject
                    {
                        ["id"] = "batch_req_" + customId[..8],
                        ["custom_id"] = customId,
                        ["response"] = new JsonObject { ["status_code"] = 200, ["request_id"] = "req_1", ["body"] = JsonNode.Parse(Completion(_answer(question), node["body"]!["model"]!.GetValue<string>())) },
                        ["error"] = null,
                    }.ToJsonString()).Append('\n');
                }
            }

            string outputId = id + "-output";
            _files[outputId] = Encoding.UTF8.GetBytes(output.ToString());
            var reply = new JsonObject { ["id"] = id, ["status"] = "completed", ["output_file_id"] = outputId };
            if (errors.Length > 0)
            {
                _files[id + "-errors"] = Encoding.UTF8.GetBytes(errors.ToString());
                reply["error_file_id"] = id + "-errors";
            }

            return (200, reply.ToJsonString(), "application/json");
        }
    }

    private (int, string, string) Content(string id)
    {
        lock (_gate)
        {
            return _files.TryGetValue(id, out byte[]? bytes) ? (200, Encoding.UTF8.GetString(bytes), "application/jsonl") : Error(404, "no such file " + id);
        }
    }

    private static string? LastUserText(JsonNode body)
    {
        var last = (body["messages"] as JsonArray)?.LastOrDefault(m => m?["role"]?.GetValue<string>() == "user");
        return last?["content"] switch
        {
            JsonValue value => value.GetValue<string>(),
            JsonArray parts => string.Concat(parts.Select(p => p?["text"]?.GetValue<string>())),
            _ => null,
        };
    }

    private static string Completion(string answer, string model) => new JsonObject
    {
        ["id"] = "chatcmpl-batch",
        ["object"] = "chat.completion",
        ["created"] = 1_700_000_000,
        ["model"] = model,
        ["choices"] = new JsonArray(new JsonObject
        {
            ["index"] = 0,
            ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = answer },
            ["finish_reason"] = "stop",
        }),
        ["usage"] = new JsonObject { ["prompt_tokens"] = 7, ["completion_tokens"] = 3, ["total_tokens"] = 10 },
    }.ToJsonString();

    private static string ErrorBody(string code, string message) =>
        new JsonObject { ["error"] = new JsonObject { ["code"] = code, ["message"] = message, ["type"] = "invalid_request_error" } }.ToJsonString();

    private static (int, string, string) Error(int status, string message) => (status, ErrorBody("test_server", message), "application/json");
}
