using System.Buffers;
using System.Text.Json;
using Microsoft.Extensions.AI;

namespace BenchmarkAgent.Testing.Subjects;

/// <summary>
/// The OpenAI chat-completions wire format as pure functions: the request body for a list of messages and options,
/// and the <see cref="ChatResponse"/> or <see cref="ChatResponseUpdate"/> for a response body or stream chunk.
/// </summary>
/// <remarks>
/// Only what a benchmark sends is written: the model, text messages and the sampling options of
/// <see cref="ChatOptions"/> (temperature, top_p, max_completion_tokens, seed, stop, penalties, response format).
/// <see cref="ChatOptions.AdditionalProperties"/> never reach the wire: the runner keeps the item's context and the
/// repeat index there.
/// </remarks>
public static class ChatCompletionsWire
{
    /// <summary>Writes the JSON body of a chat-completions request.</summary>
    /// <param name="model">The model to use when <see cref="ChatOptions.ModelId"/> is not set.</param>
    /// <param name="messages">The conversation; only text content is supported.</param>
    /// <param name="options">Sampling options, or <see langword="null"/>.</param>
    /// <param name="stream">Whether to ask for a server-sent event stream (with usage in the last chunk).</param>
    /// <returns>The UTF-8 JSON body.</returns>
    /// <exception cref="NotSupportedException">A message holds content other than text (images, tool calls).</exception>
    public static byte[] WriteRequest(string model, IEnumerable<ChatMessage> messages, ChatOptions? options, bool stream)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(model);
        ArgumentNullException.ThrowIfNull(messages);
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("model", options?.ModelId ?? model);
            json.WriteStartArray("messages");
            foreach (var message in messages)
            {
                json.WriteStartObject();
                json.WriteString("role", message.Role.Value);
                json.WriteString("content", TextOf(message));
                json.WriteEndObject();
            }

            json.WriteEndArray();
            if (options is not null)
            {
                WriteOptions(json, options);
            }

            if (stream)
            {
                json.WriteBoolean("stream", true);
                json.WriteStartObject("stream_options");
                json.WriteBoolean("include_usage", true);
                json.WriteEndObject();
            }

            json.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Reads a (non-streaming) chat-completions response body.</summary>
    /// <param name="root">The parsed body.</param>
    /// <returns>The response: the first choice's text, model, id, creation time, finish reason and usage.</returns>
    /// <exception cref="InvalidDataException">The body is not a chat completion.</exception>
    public static ChatResponse ReadResponse(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("choices", out var choices) || choices.ValueKind != JsonValueKind.Array)
        {
            throw new InvalidDataException("The endpoint's answer is not a chat completion: it has no 'choices' array.");
        }

        string text = string.Empty;
        ChatFinishReason? finish = null;
        if (choices.GetArrayLength() > 0)
        {
            var choice = choices[0];
            if (choice.TryGetProperty("message", out var message) && message.ValueKind == JsonValueKind.Object)
            {
                text = String(message, "content") ?? String(message, "refusal") ?? string.Empty;
            }

            finish = FinishReason(String(choice, "finish_reason"));
        }

        return new ChatResponse(new ChatMessage(ChatRole.Assistant, text))
        {
            ResponseId = String(root, "id"),
            ModelId = String(root, "model"),
            CreatedAt = Created(root),
            FinishReason = finish,
            Usage = Usage(root),
        };
    }

    /// <summary>Reads one chunk of a chat-completions event stream.</summary>
    /// <param name="root">The parsed <c>data:</c> payload.</param>
    /// <returns>The update: the first choice's text delta, or the usage of the final chunk.</returns>
    public static ChatResponseUpdate ReadChunk(JsonElement root)
    {
        var update = new ChatResponseUpdate
        {
            Role = ChatRole.Assistant,
            ResponseId = String(root, "id"),
            ModelId = String(root, "model"),
            CreatedAt = Created(root),
        };
        if (root.TryGetProperty("choices", out var choices) && choices.ValueKind == JsonValueKind.Array && choices.GetArrayLength() > 0)
        {
            var choice = choices[0];
            if (choice.TryGetProperty("delta", out var delta) && String(delta, "content") is { Length: > 0 } text)
            {
                update.Contents.Add(new TextContent(text));
            }

            update.FinishReason = FinishReason(String(choice, "finish_reason"));
        }

        if (Usage(root) is { } usage)
        {
            update.Contents.Add(new UsageContent(usage));
        }

        return update;
    }

    /// <summary>The <c>error.message</c> of an error body, else its first 500 characters; empty for an empty body.</summary>
    /// <param name="body">The body text.</param>
    public static string ErrorMessage(string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind == JsonValueKind.Object &&
                document.RootElement.TryGetProperty("error", out var error))
            {
                if (error.ValueKind == JsonValueKind.Object && String(error, "message") is { } message)
                {
                    return message;
                }

                if (error.ValueKind == JsonValueKind.String)
                {
                    return error.GetString()!;
                }
            }
        }
        catch (JsonException)
        {
            // Not JSON: fall back to the text itself.
        }

        string text = body.Trim();
        return text.Length <= 500 ? text : text[..500] + "...";
    }

    private static void WriteOptions(Utf8JsonWriter json, ChatOptions options)
    {
        Number(json, "temperature", options.Temperature);
        Number(json, "top_p", options.TopP);
        Number(json, "max_completion_tokens", options.MaxOutputTokens);
        Number(json, "seed", options.Seed);
        Number(json, "frequency_penalty", options.FrequencyPenalty);
        Number(json, "presence_penalty", options.PresencePenalty);
        if (options.StopSequences is { Count: > 0 } stops)
        {
            json.WriteStartArray("stop");
            foreach (string stop in stops)
            {
                json.WriteStringValue(stop);
            }

            json.WriteEndArray();
        }

        switch (options.ResponseFormat)
        {
            case ChatResponseFormatJson { Schema: { } schema } structured:
                json.WriteStartObject("response_format");
                json.WriteString("type", "json_schema");
                json.WriteStartObject("json_schema");
                json.WriteString("name", structured.SchemaName ?? "response");
                if (structured.SchemaDescription is { } description)
                {
                    json.WriteString("description", description);
                }

                json.WritePropertyName("schema");
                schema.WriteTo(json);
                json.WriteBoolean("strict", true);
                json.WriteEndObject();
                json.WriteEndObject();
                break;
            case ChatResponseFormatJson:
                json.WriteStartObject("response_format");
                json.WriteString("type", "json_object");
                json.WriteEndObject();
                break;
        }
    }

    // float keeps its shortest form on the wire (0.1f is written as 0.1, not as the double 0.10000000149011612).
    private static void Number(Utf8JsonWriter json, string name, float? value)
    {
        if (value is { } number)
        {
            json.WriteNumber(name, number);
        }
    }

    private static void Number(Utf8JsonWriter json, string name, long? value)
    {
        if (value is { } number)
        {
            json.WriteNumber(name, number);
        }
    }

    private static string TextOf(ChatMessage message)
    {
        if (message.Contents.FirstOrDefault(c => c is not TextContent) is { } other)
        {
            throw new NotSupportedException(
                $"A {message.Role.Value} message holds {other.GetType().Name}; the chat-completions client sends text only. Use a subject from code ([assembly: BenchmarkSubject]) for other content.");
        }

        return message.Text;
    }

    private static string? String(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    private static DateTimeOffset? Created(JsonElement root) =>
        root.TryGetProperty("created", out var created) && created.ValueKind == JsonValueKind.Number && created.TryGetInt64(out long seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;

    private static ChatFinishReason? FinishReason(string? reason) => reason switch
    {
        null => null,
        "stop" => ChatFinishReason.Stop,
        "length" => ChatFinishReason.Length,
        "content_filter" => ChatFinishReason.ContentFilter,
        "tool_calls" or "function_call" => ChatFinishReason.ToolCalls,
        _ => new ChatFinishReason(reason),
    };

    private static UsageDetails? Usage(JsonElement root)
    {
        if (!root.TryGetProperty("usage", out var usage) || usage.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        return new UsageDetails
        {
            InputTokenCount = Count(usage, "prompt_tokens"),
            OutputTokenCount = Count(usage, "completion_tokens"),
            TotalTokenCount = Count(usage, "total_tokens"),
        };

        static long? Count(JsonElement usage, string name) =>
            usage.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out long n) ? n : null;
    }
}
