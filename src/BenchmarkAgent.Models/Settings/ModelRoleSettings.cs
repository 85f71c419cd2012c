namespace BenchmarkAgent.Models;

/// <summary>
/// The connection settings of one model role: an OpenAI-compatible endpoint, a model name, an optional API key and how
/// to sign in. <see cref="ToString"/> never includes the key.
/// </summary>
/// <param name="Role">The role these settings configure.</param>
/// <param name="Endpoint">
/// The absolute http or https base URL including the API version segment, as in <c>OPENAI_BASE_URL</c>
/// (e.g. <c>https://api.openai.com/v1</c>, <c>https://my-resource.openai.azure.com/openai/v1/</c> or
/// <c>http://localhost:11434/v1</c> for Ollama).
/// </param>
/// <param name="Model">The model (or Azure deployment) name sent with every request, e.g. <c>gpt-4o-mini</c>.</param>
/// <param name="ApiKey">The API key sent as a bearer token, or <see langword="null"/> for endpoints that need none.</param>
internal sealed record ModelRoleSettings(ModelRole Role, Uri Endpoint, string Model, string? ApiKey)
{
    /// <summary>The text shown instead of an API key.</summary>
    public const string RedactedKey = "***";

    /// <summary>How the client signs in; <see cref="ModelAuthentication.ApiKey"/> unless Entra is chosen.</summary>
    public ModelAuthentication Authentication { get; init; } = ModelAuthentication.ApiKey;

    /// <summary>Gets a value indicating whether an API key is set, without revealing it.</summary>
    public bool HasApiKey => !string.IsNullOrEmpty(ApiKey);

    /// <summary>Describes the settings with the API key redacted as <c>***</c>.</summary>
    /// <returns>For example <c>ModelRoleSettings { Role = Subject, Endpoint = https://api.openai.com/v1, Model = gpt-4o-mini, ApiKey = *** }</c>.</returns>
    public override string ToString() =>
        $"ModelRoleSettings {{ Role = {Role}, Endpoint = {Endpoint}, Model = {Model}, ApiKey = {(HasApiKey ? RedactedKey : "(none)")}" +
        (Authentication == ModelAuthentication.Entra ? ", Authentication = Entra }" : " }");
}
