using System.ClientModel;
using System.ClientModel.Primitives;
using Azure.Identity;
using Microsoft.Extensions.AI;
using OpenAI;

namespace BenchmarkAgent.Models;

/// <summary>
/// Creates the innermost client of a role: the OpenAI SDK's chat client for an OpenAI-compatible base URL (OpenAI,
/// Azure OpenAI v1 <c>https://&lt;resource&gt;.openai.azure.com/openai/v1/</c>, Ollama, vLLM, LM Studio, ...), as an
/// <see cref="IChatClient"/> through <c>AsIChatClient</c>. The SDK's own retries are off: the pipeline's retry layer is
/// the only one, so attempts never multiply. An Entra token is only ever sent over https (the SDK refuses plain http).
/// </summary>
internal static class EndpointChatClient
{
    /// <summary>The bearer key sent to endpoints that need none (some proxies reject a request without any).</summary>
    public const string PlaceholderApiKey = "unused";

    /// <summary>Creates the endpoint client for <paramref name="settings"/>.</summary>
    /// <param name="settings">The endpoint, model, key and sign-in.</param>
    /// <param name="options">The network timeout and Entra credential; <see langword="null"/> for the defaults.</param>
    /// <returns>A client that makes one attempt per call.</returns>
    public static IChatClient Create(ModelRoleSettings settings, ModelPipelineOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        options ??= new ModelPipelineOptions();
        var clientOptions = new OpenAIClientOptions
        {
            Endpoint = settings.Endpoint,
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            NetworkTimeout = options.NetworkTimeout ?? ModelPipelineOptions.DefaultNetworkTimeout,
        };
        if (options.Transport is { } transport)
        {
            clientOptions.Transport = transport;
        }

        // The authentication-policy constructor is how the OpenAI SDK takes an Entra token for Azure OpenAI v1; it is
        // marked as evaluation-only (OPENAI001) in OpenAI 2.x, hence the suppression.
#pragma warning disable OPENAI001
        var client = settings.Authentication == ModelAuthentication.Entra
            ? new OpenAIClient(new BearerTokenPolicy(EntraCredential(options), AzureEndpoint.TokenScope), clientOptions)
            : new OpenAIClient(new ApiKeyCredential(settings.HasApiKey ? settings.ApiKey! : PlaceholderApiKey), clientOptions);
#pragma warning restore OPENAI001
        return client.GetChatClient(settings.Model).AsIChatClient();
    }

    /// <summary>The credential used for Entra sign-in: the configured one, else <see cref="DefaultAzureCredential"/> (which signs in lazily, on the first call).</summary>
    /// <param name="options">The pipeline options.</param>
    /// <returns>The credential.</returns>
    internal static AuthenticationTokenProvider EntraCredential(ModelPipelineOptions options) =>
        options.EntraCredential ?? new DefaultAzureCredential();
}
