using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace BenchmarkAgent.Models;

/// <summary>
/// The OpenAI Batch API's four calls under a role's base URL, as a small typed HTTP client: upload the input JSONL
/// (<c>POST /files</c>, purpose <c>batch</c>), create the batch (<c>POST /batches</c>, window <c>24h</c>), read its status
/// (<c>GET /batches/{id}</c>) and download a file (<c>GET /files/{id}/content</c>). Azure OpenAI's v1 base URL serves the
/// same paths. The key goes in the <c>Authorization</c> header only; an error's text is masked before it is shown.
/// </summary>
internal sealed class OpenAiBatchApi : IDisposable
{
    private readonly HttpClient _http;
    private readonly string _base;
    private readonly SecretMask _mask;
    private readonly string _role;

    /// <summary>Creates the client.</summary>
    /// <param name="settings">The role's endpoint and key.</param>
    /// <param name="handler">The HTTP handler; <see langword="null"/> for a new <see cref="SocketsHttpHandler"/>.</param>
    /// <param name="timeout">The timeout of one call; <see langword="null"/> for 100 s.</param>
    public OpenAiBatchApi(ModelRoleSettings settings, HttpMessageHandler? handler = null, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _http = new HttpClient(handler ?? new SocketsHttpHandler(), disposeHandler: handler is null) { Timeout = timeout ?? ModelPipelineOptions.DefaultNetworkTimeout };
        _base = settings.Endpoint.ToString().TrimEnd('/');
        _mask = new SecretMask([settings.ApiKey]);
        _role = settings.Role.ToString().ToLowerInvariant();
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", settings.HasApiKey ? settings.ApiKey : EndpointChatClient.PlaceholderApiKey);
    }

    /// <summary>Uploads <paramref name="jsonl"/> as a batch input file.</summary>
    /// <param name="jsonl">The request lines.</param>
    /// <param name="fileName">The file name shown at the provider.</param>
    /// <param name="cancellationToken">Stops the call.</param>
    /// <returns>The file's id.</returns>
    public async Task<string> UploadAsync(byte[] jsonl, string fileName, CancellationToken cancellationToken)
    {
        using var form = new MultipartFormDataContent
        {
            { new StringContent("batch"), "purpose" },
        };
        var file = new ByteArrayContent(jsonl);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/jsonl");
        form.Add(file, "file", fileName);
        var reply = await SendAsync(HttpMethod.Post, "/files", form, "upload the input file", cancellationToken).ConfigureAwait(false);
        return Text(reply, "id", "upload the input file");
    }

    /// <summary>Creates a batch over an uploaded input file.</summary>
    /// <param name="inputFileId">The input file's id.</param>
    /// <param name="endpoint">The endpoint every line names, e.g. <c>/v1/chat/completions</c>.</param>
    /// <param name="cancellationToken">Stops the call.</param>
    /// <returns>The batch's id.</returns>
    public async Task<string> CreateAsync(string inputFileId, string endpoint, CancellationToken cancellationToken)
    {
        var body = new JsonObject
        {
            ["input_file_id"] = inputFileId,
            ["endpoint"] = endpoint,
            ["completion_window"] = BatchFormat.CompletionWindow,
        };
        using var content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        var reply = await SendAsync(HttpMethod.Post, "/batches", content, "create the batch", cancellationToken).ConfigureAwait(false);
        return Text(reply, "id", "create the batch");
    }

    /// <summary>Reads a batch's status.</summary>
    /// <param name="batchId">The batch's id.</param>
    /// <param name="cancellationToken">Stops the call.</param>
    /// <returns>The status and, when there are any, the output and error files.</returns>
    public async Task<BatchStatus> GetAsync(string batchId, CancellationToken cancellationToken)
    {
        var reply = await SendAsync(HttpMethod.Get, "/batches/" + Uri.EscapeDataString(batchId), null, "read the batch status", cancellationToken).ConfigureAwait(false);
        return new BatchStatus(Text(reply, "status", "read the batch status"), Optional(reply, "output_file_id"), Optional(reply, "error_file_id"));
    }

    /// <summary>Downloads a file's content.</summary>
    /// <param name="fileId">The file's id.</param>
    /// <param name="cancellationToken">Stops the call.</param>
    /// <returns>The bytes.</returns>
    public async Task<byte[]> DownloadAsync(string fileId, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, _base + "/files/" + Uri.EscapeDataString(fileId) + "/content");
        using var response = await Send(request, "download a result file", cancellationToken).ConfigureAwait(false);
        return await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public void Dispose() => _http.Dispose();

    private async Task<JsonObject> SendAsync(HttpMethod method, string path, HttpContent? content, string what, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, _base + path) { Content = content };
        using var response = await Send(request, what, cancellationToken).ConfigureAwait(false);
        string text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return JsonNode.Parse(text) as JsonObject ?? throw new JsonException("not an object");
        }
        catch (JsonException)
        {
            throw Failure($"could not {what}: the reply is not a JSON object", (int)response.StatusCode);
        }
    }

    private async Task<HttpResponseMessage> Send(HttpRequestMessage request, string what, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpRequestException || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw Failure($"could not {what}: {ex.GetType().Name} ({_mask.Apply(ex.Message)})", null);
        }

        if (!response.IsSuccessStatusCode)
        {
            string text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            int status = (int)response.StatusCode;
            response.Dispose();
            throw Failure($"could not {what}: HTTP {status}: {_mask.Apply(text.Length > 300 ? text[..300] + "..." : text)}", status);
        }

        return response;
    }

    private string Text(JsonObject reply, string property, string what) =>
        Optional(reply, property) ?? throw Failure($"could not {what}: the reply has no '{property}'", 200);

    private static string? Optional(JsonObject reply, string property) =>
        reply[property] is JsonValue value && value.TryGetValue(out string? text) && !string.IsNullOrEmpty(text) ? text : null;

    private ModelCallException Failure(string message, int? status) =>
        new(ErrorCodes.BatchApiFailed, _role, $"the {_role} batch {message}. Run again to retry the step; the batch state keeps what was done.", status);
}
