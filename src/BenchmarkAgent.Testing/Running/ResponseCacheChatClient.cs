using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using BenchmarkAgent.Persistence;
using Microsoft.Extensions.AI;

namespace BenchmarkAgent.Testing.Running;

/// <summary>
/// Caches responses on disk, one JSON file per request, so an unchanged request is answered without a model call.
/// The key is a SHA-256 over the endpoint, the model identity, every message (role and full content) and every chat
/// option (temperature, top-p, top-k, max tokens, seed, penalties, stop sequences, response format, model id, tools,
/// and all additional properties, which carry the item and the repeat index). So repeats at temperature &gt; 0 each get
/// their own answer and two models never share an entry. The API key is never part of an entry or its key. Files are
/// written atomically; an unreadable entry counts as a miss and is replaced. Streaming calls are not cached.
/// </summary>
public sealed class ResponseCacheChatClient : DelegatingChatClient
{
    private const string KeyVersion = "benchagent-response-cache-v1";

    private static readonly JsonSerializerOptions ValueOptions = new(AIJsonUtilities.DefaultOptions) { WriteIndented = false };

    private readonly string _directory;
    private readonly string _endpoint;
    private readonly string _model;
    private int _hits;

    /// <summary>Wraps <paramref name="innerClient"/>.</summary>
    /// <param name="innerClient">The client whose responses are cached.</param>
    /// <param name="directory">The folder entries are stored in (created on first write).</param>
    /// <param name="endpoint">The endpoint the client talks to (part of the key; never the API key).</param>
    /// <param name="model">The model identity (part of the key).</param>
    public ResponseCacheChatClient(IChatClient innerClient, string directory, string endpoint, string model)
        : base(innerClient)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(model);
        _directory = directory;
        _endpoint = endpoint;
        _model = model;
    }

    /// <summary>How many calls were answered from the cache.</summary>
    public int Hits => Volatile.Read(ref _hits);

    /// <inheritdoc />
    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var list = messages as IReadOnlyList<ChatMessage> ?? messages.ToList();
        string path = PathFor(Key(list, options));
        if (await TryReadAsync(path, cancellationToken).ConfigureAwait(false) is { } cached)
        {
            Interlocked.Increment(ref _hits);
            return cached;
        }

        var response = await base.GetResponseAsync(list, options, cancellationToken).ConfigureAwait(false);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        AtomicFile.WriteAllBytes(path, JsonSerializer.SerializeToUtf8Bytes(response, ValueOptions));
        return response;
    }

    /// <summary>Computes the cache key of a request (lowercase hex SHA-256).</summary>
    /// <param name="messages">The messages.</param>
    /// <param name="options">The options.</param>
    /// <returns>The key.</returns>
    public string Key(IEnumerable<ChatMessage> messages, ChatOptions? options)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var text = new StringBuilder();
        void Field(string name, object? value) => text.Append(name).Append('=').Append(Canonical(value)).Append('\n');
        Field("version", KeyVersion);
        Field("endpoint", _endpoint);
        Field("model", _model);
        foreach (var message in messages)
        {
            Field("role", message.Role.Value);
            Field("author", message.AuthorName);
            foreach (var content in message.Contents)
            {
                Field("content-type", content.GetType().FullName);
                Field("content", content is TextContent t ? t.Text : content);
            }
        }

        if (options is not null)
        {
            Field("modelId", options.ModelId);
            Field("instructions", options.Instructions);
            Field("temperature", options.Temperature);
            Field("topP", options.TopP);
            Field("topK", options.TopK);
            Field("maxOutputTokens", options.MaxOutputTokens);
            Field("seed", options.Seed);
            Field("frequencyPenalty", options.FrequencyPenalty);
            Field("presencePenalty", options.PresencePenalty);
            Field("stop", options.StopSequences);
            Field("responseFormat", options.ResponseFormat);
            Field("toolMode", options.ToolMode?.ToString());
            Field("allowMultipleToolCalls", options.AllowMultipleToolCalls);
            Field("tools", options.Tools?.Select(tool => $"{tool.Name}:{tool.Description}").ToList());
            foreach (var property in (options.AdditionalProperties ?? []).OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                Field("property:" + property.Key, property.Value);
            }
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    private string PathFor(string key) => Path.Combine(_directory, key[..2], key + ".json");

    private static async Task<ChatResponse?> TryReadAsync(string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            await using var stream = File.OpenRead(path);
            return await JsonSerializer.DeserializeAsync<ChatResponse>(stream, ValueOptions, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is JsonException or IOException or NotSupportedException)
        {
            return null; // a damaged entry is a miss; the fresh response replaces it
        }
    }

    private static string Canonical(object? value)
    {
        if (value is null)
        {
            return "null";
        }

        if (value is string s)
        {
            return JsonSerializer.Serialize(s);
        }

        try
        {
            return JsonSerializer.Serialize(value, value.GetType(), ValueOptions);
        }
        catch (Exception ex) when (ex is NotSupportedException or InvalidOperationException or JsonException)
        {
            return value.GetType().FullName + ":" + value;
        }
    }
}
