namespace BenchmarkAgent.Models;

/// <summary>How a role's client signs in to its endpoint.</summary>
internal enum ModelAuthentication
{
    /// <summary>An API key sent as <c>Authorization: Bearer</c> (a placeholder when the endpoint needs none).</summary>
    ApiKey,

    /// <summary>
    /// Microsoft Entra ID (Azure OpenAI): a bearer token from <c>DefaultAzureCredential</c> (environment, workload or
    /// managed identity, Azure CLI, ...) for the <c>https://cognitiveservices.azure.com/.default</c> scope.
    /// </summary>
    Entra,
}
