namespace BenchmarkAgent.Tests.Shared;

/// <summary>One chat message as the <see cref="OpenAiWireServer"/> received it; array content is joined text.</summary>
/// <param name="Role">The role: system, user, assistant, ...</param>
/// <param name="Content">The text content (text parts of array content joined with newlines).</param>
public sealed record ChatRequestMessage(string Role, string Content);

/// <summary>One chat-completions request as the <see cref="OpenAiWireServer"/> received it.</summary>
/// <param name="Path">The request path, e.g. <c>/v1/chat/completions</c>.</param>
/// <param name="Model">The <c>model</c> field.</param>
/// <param name="Messages">The <c>messages</c> field.</param>
/// <param name="LastUserText">The content of the last user message, or empty.</param>
/// <param name="Authorization">The <c>Authorization</c> header value, e.g. <c>Bearer sk-test</c>, or null.</param>
/// <param name="Stream">Whether <c>stream: true</c> was requested.</param>
/// <param name="Temperature">The <c>temperature</c> field, when present.</param>
/// <param name="Body">The raw JSON body.</param>
/// <param name="Sequence">The 0-based arrival order of the request at this server.</param>
public sealed record ChatRequestInfo(
    string Path,
    string Model,
    IReadOnlyList<ChatRequestMessage> Messages,
    string LastUserText,
    string? Authorization,
    bool Stream,
    double? Temperature,
    string Body,
    int Sequence)
{
    /// <summary>The full request URL, query included.</summary>
    public string Url { get; init; } = string.Empty;

    /// <summary>Every request header, by case-insensitive name.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// <summary>The content of the first system message, or null.</summary>
    public string? SystemText => Messages.FirstOrDefault(m => m.Role == "system")?.Content;
}
