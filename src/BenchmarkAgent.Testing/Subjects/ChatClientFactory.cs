using Microsoft.Extensions.AI;

namespace BenchmarkAgent.Testing.Subjects;

/// <summary>Creates <see cref="IChatClient"/> instances for configured roles.</summary>
public static class ChatClientFactory
{
    /// <summary>The bearer key sent to endpoints that need none (some proxies reject a request without any).</summary>
    public const string PlaceholderApiKey = "unused";

    /// <summary>
    /// Creates a client for an OpenAI-compatible chat-completions endpoint (OpenAI, Azure OpenAI v1, Ollama, vLLM,
    /// LM Studio, ...). Requests go to <c>{Endpoint}/chat/completions</c>. The client makes one attempt per call; the
    /// runner wraps it in <see cref="Running.RetryingChatClient"/>.
    /// </summary>
    /// <param name="settings">The endpoint, model and key.</param>
    /// <param name="networkTimeout">The per-request network timeout, or <see langword="null"/> for <see cref="ChatCompletionsClient.DefaultNetworkTimeout"/>.</param>
    /// <returns>A client; dispose it when done.</returns>
    public static IChatClient Create(ChatClientSettings settings, TimeSpan? networkTimeout = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new ChatCompletionsClient(settings, networkTimeout);
    }

    /// <summary>
    /// Creates a client for a read configuration: a model client when configured, the random-guess baseline when
    /// requested, and an <see cref="InvalidOperationException"/> carrying the reader's message otherwise.
    /// </summary>
    /// <param name="result">The result of <see cref="ChatClientSettingsReader.Read(ModelRole)"/>.</param>
    /// <param name="baselineSeed">The seed of the baseline's guesses.</param>
    /// <param name="networkTimeout">The per-request network timeout for model clients.</param>
    /// <returns>A client; dispose it when done.</returns>
    /// <exception cref="InvalidOperationException">Nothing usable is configured.</exception>
    public static IChatClient Create(ChatClientSettingsResult result, ulong baselineSeed = 0, TimeSpan? networkTimeout = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Status switch
        {
            ChatClientSettingsStatus.Configured => Create(result.GetRequiredSettings(), networkTimeout),
            ChatClientSettingsStatus.Baseline => new RandomGuessSubject(baselineSeed),
            _ => throw new InvalidOperationException(result.Message),
        };
    }
}
