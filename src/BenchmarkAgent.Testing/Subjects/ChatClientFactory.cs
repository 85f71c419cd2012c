using System.ClientModel;
using System.ClientModel.Primitives;
using Microsoft.Extensions.AI;
using OpenAI;
using OpenAI.Chat;

namespace BenchmarkAgent.Testing.Subjects;

/// <summary>Creates <see cref="IChatClient"/> instances for configured roles.</summary>
public static class ChatClientFactory
{
    /// <summary>The key sent to endpoints that need none (the OpenAI client requires a non-empty credential).</summary>
    public const string PlaceholderApiKey = "unused";

    /// <summary>
    /// Creates a client for an OpenAI-compatible chat-completions endpoint (OpenAI, Azure OpenAI v1, Ollama, vLLM,
    /// LM Studio, ...). Requests go to <c>{Endpoint}/chat/completions</c>.
    /// </summary>
    /// <param name="settings">The endpoint, model and key.</param>
    /// <param name="networkTimeout">The per-request network timeout, or <see langword="null"/> for the client default.</param>
    /// <param name="maxRetries">
    /// How often a request failing with 408, 429 or 5xx (or a network error) is retried with exponential backoff, or
    /// <see langword="null"/> for the OpenAI client default (3).
    /// </param>
    /// <returns>A client; dispose it when done.</returns>
    public static IChatClient Create(ChatClientSettings settings, TimeSpan? networkTimeout = null, int? maxRetries = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var options = new OpenAIClientOptions { Endpoint = settings.Endpoint };
        if (networkTimeout is { } timeout)
        {
            options.NetworkTimeout = timeout;
        }

        if (maxRetries is { } retries)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(retries, nameof(maxRetries));
            options.RetryPolicy = new ClientRetryPolicy(retries);
        }

        var credential = new ApiKeyCredential(settings.HasApiKey ? settings.ApiKey! : PlaceholderApiKey);
        return new ChatClient(settings.Model, credential, options).AsIChatClient();
    }

    /// <summary>
    /// Creates a client for a read configuration: a model client when configured, the random-guess baseline when
    /// requested, and an <see cref="InvalidOperationException"/> carrying the reader's message otherwise.
    /// </summary>
    /// <param name="result">The result of <see cref="ChatClientSettingsReader.Read(ModelRole)"/>.</param>
    /// <param name="baselineSeed">The seed of the baseline's guesses.</param>
    /// <param name="networkTimeout">The per-request network timeout for model clients.</param>
    /// <param name="maxRetries">How often model requests failing transiently are retried; <see langword="null"/> for the client default.</param>
    /// <returns>A client; dispose it when done.</returns>
    /// <exception cref="InvalidOperationException">Nothing usable is configured.</exception>
    public static IChatClient Create(ChatClientSettingsResult result, ulong baselineSeed = 0, TimeSpan? networkTimeout = null, int? maxRetries = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Status switch
        {
            ChatClientSettingsStatus.Configured => Create(result.GetRequiredSettings(), networkTimeout, maxRetries),
            ChatClientSettingsStatus.Baseline => new RandomGuessSubject(baselineSeed),
            _ => throw new InvalidOperationException(result.Message),
        };
    }
}
