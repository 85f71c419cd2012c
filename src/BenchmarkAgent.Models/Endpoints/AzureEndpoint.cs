namespace BenchmarkAgent.Models;

/// <summary>Recognises Azure OpenAI endpoints, which accept Microsoft Entra ID tokens.</summary>
internal static class AzureEndpoint
{
    /// <summary>The token scope of Azure OpenAI (Azure AI services).</summary>
    public const string TokenScope = "https://cognitiveservices.azure.com/.default";

    private static readonly string[] HostSuffixes = [".openai.azure.com", ".cognitiveservices.azure.com", ".services.ai.azure.com"];

    /// <summary>Whether <paramref name="endpoint"/> is an Azure OpenAI resource (by host name).</summary>
    /// <param name="endpoint">The endpoint.</param>
    /// <returns><see langword="true"/> for Azure OpenAI hosts.</returns>
    public static bool IsAzure(Uri endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        return HostSuffixes.Any(suffix => endpoint.Host.EndsWith(suffix, StringComparison.OrdinalIgnoreCase));
    }
}
