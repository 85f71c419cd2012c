using BenchmarkAgent.Execution;
using BenchmarkAgent.Testing.Subjects;
using Microsoft.Extensions.AI;
using BenchmarkAgent.Items;

namespace BenchmarkAgent.Testing;

/// <summary>Builds what is sent to the subject for one item.</summary>
internal static class BenchmarkPrompt
{
    /// <summary>The system message sent before every item.</summary>
    public const string SystemInstruction = "You are being evaluated. Follow the answer-format instruction exactly.";

    /// <summary>
    /// Builds the messages for an item: the <see cref="SystemInstruction"/> as a system message and the item's prompt
    /// (which already lists any choices and the answer-format instruction) as the user message.
    /// </summary>
    /// <param name="item">The item.</param>
    /// <returns>A new list of two messages.</returns>
    public static IReadOnlyList<ChatMessage> CreateMessages(BenchmarkItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return
        [
            new ChatMessage(ChatRole.System, SystemInstruction),
            new ChatMessage(ChatRole.User, item.Prompt),
        ];
    }

    /// <summary>
    /// Builds the messages for an item with media: the user message holds the prompt text, then each media part
    /// (<see cref="DataContent"/> with its media type, which Microsoft.Extensions.AI.OpenAI sends as an <c>image_url</c>
    /// data URI or as <c>input_audio</c>). Without media it is <see cref="CreateMessages(BenchmarkItem)"/>.
    /// </summary>
    /// <param name="item">The item.</param>
    /// <param name="media">The item's media parts, read by <see cref="Media.MediaParts.Read"/>, in order.</param>
    /// <returns>A new list of two messages.</returns>
    public static IReadOnlyList<ChatMessage> CreateMessages(BenchmarkItem item, IReadOnlyList<AIContent> media)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(media);
        if (media.Count == 0)
        {
            return CreateMessages(item);
        }

        return
        [
            new ChatMessage(ChatRole.System, SystemInstruction),
            new ChatMessage(ChatRole.User, [new TextContent(item.Prompt), .. media]),
        ];
    }

    /// <summary>
    /// Creates chat options for an item: a copy of <paramref name="template"/> (if any) carrying the item's
    /// answer-free <see cref="SubjectItemContext"/>, so item-aware baselines know the answer format.
    /// </summary>
    /// <param name="item">The item.</param>
    /// <param name="template">Options to copy (temperature, max tokens, ...); not modified.</param>
    /// <returns>New options.</returns>
    public static ChatOptions CreateOptions(BenchmarkItem item, ChatOptions? template = null)
    {
        ArgumentNullException.ThrowIfNull(item);
        var options = template?.Clone() ?? new ChatOptions();
        var properties = options.AdditionalProperties is { } existing
            ? new AdditionalPropertiesDictionary(existing)
            : new AdditionalPropertiesDictionary();
        properties[SubjectItemContext.PropertyKey] = SubjectItemContext.From(item);
        options.AdditionalProperties = properties;
        return options;
    }
}
