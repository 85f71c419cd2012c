using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace BenchmarkAgent.Models;

/// <summary>
/// The JSONL shapes of a provider batch: one request line
/// <c>{"custom_id", "method": "POST", "url", "body"}</c> per call, and one result line
/// <c>{"id", "custom_id", "response": {"status_code", "body"}, "error"}</c> per answer (OpenAI, Azure OpenAI and
/// <c>vllm run-batch</c> write the same). Pure functions; the bodies are untrusted data and only ever parsed as JSON.
/// </summary>
internal static class BatchFormat
{
    /// <summary>The completion window every batch asks for.</summary>
    public const string CompletionWindow = "24h";

    /// <summary>The URL a request line names for <paramref name="provider"/>: Azure's batch deployments take <c>/chat/completions</c>, the others <c>/v1/chat/completions</c>.</summary>
    /// <param name="provider">The provider.</param>
    /// <returns>The line's <c>url</c> (also the batch's <c>endpoint</c>).</returns>
    public static string ChatCompletionsUrl(BatchProvider provider) =>
        provider == BatchProvider.Azure ? "/chat/completions" : "/v1/chat/completions";

    /// <summary>One request line (no newline).</summary>
    /// <param name="customId">The caller's id of the line: the response cache key of the call.</param>
    /// <param name="provider">The provider, for the URL.</param>
    /// <param name="body">The chat-completions request body exactly as the endpoint client would send it.</param>
    /// <returns>The line.</returns>
    public static string RequestLine(string customId, BatchProvider provider, ReadOnlySpan<byte> body)
    {
        ArgumentException.ThrowIfNullOrEmpty(customId);
        var bodyNode = JsonNode.Parse(body) as JsonObject ?? throw new ArgumentException("The request body is not a JSON object.", nameof(body));
        bodyNode.Remove("stream"); // a batch line is never streamed
        bodyNode.Remove("stream_options");
        var line = new JsonObject
        {
            ["custom_id"] = customId,
            ["method"] = "POST",
            ["url"] = ChatCompletionsUrl(provider),
            ["body"] = bodyNode,
        };
        return line.ToJsonString();
    }

    /// <summary>Reads a result file (output or error file): every non-blank line that parses; a line that does not is skipped and counted.</summary>
    /// <param name="jsonl">The file's bytes.</param>
    /// <param name="unreadable">How many lines could not be read.</param>
    /// <returns>The results in file order.</returns>
    public static IReadOnlyList<BatchResultLine> ReadResults(byte[] jsonl, out int unreadable)
    {
        ArgumentNullException.ThrowIfNull(jsonl);
        unreadable = 0;
        var results = new List<BatchResultLine>();
        foreach (string line in Encoding.UTF8.GetString(jsonl).Split('\n'))
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            if (ReadResult(line) is { } result)
            {
                results.Add(result);
            }
            else
            {
                unreadable++;
            }
        }

        return results;
    }

    /// <summary>Reads one result line, or <see langword="null"/> when it is not one.</summary>
    /// <param name="line">The line.</param>
    /// <returns>The result.</returns>
    public static BatchResultLine? ReadResult(string line)
    {
        try
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("custom_id", out var id) || id.ValueKind != JsonValueKind.String || id.GetString() is not { Length: > 0 } customId)
            {
                return null;
            }

            int? status = null;
            string? body = null;
            if (root.TryGetProperty("response", out var response) && response.ValueKind == JsonValueKind.Object)
            {
                if (response.TryGetProperty("status_code", out var code) && code.TryGetInt32(out int value))
                {
                    status = value;
                }

                if (response.TryGetProperty("body", out var bodyElement) && bodyElement.ValueKind == JsonValueKind.Object)
                {
                    body = bodyElement.GetRawText();
                }
            }

            string? error = null;
            if (root.TryGetProperty("error", out var errorElement) && errorElement.ValueKind == JsonValueKind.Object)
            {
                error = ErrorText(errorElement);
            }
            else if (status is not 200 && body is not null)
            {
                using var bodyDocument = JsonDocument.Parse(body);
                if (bodyDocument.RootElement.ValueKind == JsonValueKind.Object && bodyDocument.RootElement.TryGetProperty("error", out var bodyError) && bodyError.ValueKind == JsonValueKind.Object)
                {
                    error = ErrorText(bodyError);
                }
            }

            return new BatchResultLine(customId, status, body, error);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string ErrorText(JsonElement error)
    {
        string? code = error.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null;
        string? message = error.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
        string text = (code, message) switch
        {
            (null, null) => "an error without a message",
            (null, _) => message!,
            (_, null) => code,
            _ => $"{code}: {message}",
        };
        return text.Length > 500 ? text[..500] + "..." : text;
    }
}
