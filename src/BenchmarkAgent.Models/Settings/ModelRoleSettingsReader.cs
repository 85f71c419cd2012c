namespace BenchmarkAgent.Models;

/// <summary>
/// Reads a role's model configuration from environment variables, through a lookup function so tests never touch
/// the process environment.
/// </summary>
/// <remarks>
/// <para>For a role <c>ROLE</c> (<c>GENERATOR</c>, <c>JUDGE</c> or <c>SUBJECT</c>) the variables are
/// <c>BENCHAGENT_ROLE_ENDPOINT</c> (falling back to <c>OPENAI_BASE_URL</c>), <c>BENCHAGENT_ROLE_MODEL</c>,
/// <c>BENCHAGENT_ROLE_API_KEY</c> and <c>BENCHAGENT_ROLE_AUTH</c>. For the subject only,
/// <c>BENCHAGENT_SUBJECT_BASELINE=random-guess</c> selects the chance-level baseline and takes precedence over any
/// endpoint. Empty or whitespace values count as unset. A model is required when an endpoint is set.</para>
/// <para><c>OPENAI_API_KEY</c> is a fallback for the key only where it belongs: when the endpoint is
/// <c>OPENAI_BASE_URL</c> or the OpenAI API host. A role endpoint configured elsewhere never receives it.</para>
/// <para>Sign-in: <c>BENCHAGENT_ROLE_AUTH=entra</c> uses Microsoft Entra ID, <c>key</c> the API key. Unset, an Azure
/// OpenAI endpoint (<c>*.openai.azure.com</c>, <c>*.cognitiveservices.azure.com</c>, <c>*.services.ai.azure.com</c>)
/// without a key uses Entra and every other endpoint the key.</para>
/// </remarks>
internal sealed class ModelRoleSettingsReader
{
    /// <summary>The shared fallback for every role's endpoint.</summary>
    public const string OpenAiBaseUrlVariable = "OPENAI_BASE_URL";

    /// <summary>The shared fallback for the key of an endpoint at <c>OPENAI_BASE_URL</c> or the OpenAI host.</summary>
    public const string OpenAiApiKeyVariable = "OPENAI_API_KEY";

    /// <summary>The variable that selects a built-in subject baseline.</summary>
    public const string SubjectBaselineVariable = "BENCHAGENT_SUBJECT_BASELINE";

    /// <summary>The name of the chance-level subject baseline.</summary>
    public const string RandomGuessBaseline = "random-guess";

    /// <summary>The host whose endpoints may receive <c>OPENAI_API_KEY</c> without <c>OPENAI_BASE_URL</c>.</summary>
    internal const string OpenAiHost = "api.openai.com";

    private readonly Func<string, string?> _lookup;

    /// <summary>Creates a reader over a variable lookup.</summary>
    /// <param name="lookup">Returns a variable's value or <see langword="null"/>, e.g. <see cref="Environment.GetEnvironmentVariable(string)"/>.</param>
    public ModelRoleSettingsReader(Func<string, string?> lookup)
    {
        ArgumentNullException.ThrowIfNull(lookup);
        _lookup = lookup;
    }

    /// <summary>Creates a reader over the process environment.</summary>
    /// <returns>A reader that calls <see cref="Environment.GetEnvironmentVariable(string)"/>.</returns>
    public static ModelRoleSettingsReader FromEnvironment() => new(Environment.GetEnvironmentVariable);

    /// <summary>Returns the exact message shown when a role has no configuration.</summary>
    /// <param name="role">The role.</param>
    /// <returns>A message naming the variables to set.</returns>
    public static string NotConfiguredMessage(ModelRole role)
    {
        string lower = role.ToString().ToLowerInvariant();
        string baseline = role == ModelRole.Subject
            ? $"; or set {SubjectBaselineVariable}={RandomGuessBaseline} for a chance-level baseline"
            : string.Empty;
        return $"No {lower} model is configured. Set {RoleVariables.For(role).Endpoint} (e.g. https://api.openai.com/v1) " +
            $"and {RoleVariables.For(role).Model} (e.g. gpt-4o-mini), plus {RoleVariables.For(role).ApiKey} if the endpoint needs one" +
            $"{baseline}; or supply an IChatClient in code.";
    }

    /// <summary>Reads one role's configuration.</summary>
    /// <param name="role">The role to read.</param>
    /// <returns>The settings, a baseline, or a message saying what is missing or wrong.</returns>
    public ModelRoleSettingsResult Read(ModelRole role)
    {
        if (role == ModelRole.Subject && Get(SubjectBaselineVariable) is { } baseline)
        {
            return string.Equals(baseline, RandomGuessBaseline, StringComparison.OrdinalIgnoreCase)
                ? ModelRoleSettingsResult.ForBaseline(role, RandomGuessBaseline)
                : ModelRoleSettingsResult.Invalid(role, ErrorCodes.UnknownBaseline,
                    $"{SubjectBaselineVariable} names an unknown baseline. The only built-in baseline is '{RandomGuessBaseline}'.");
        }

        var (endpointVariable, modelVariable, keyVariable, authVariable) = RoleVariables.For(role);

        string? endpointText = Get(endpointVariable);
        string endpointSource = endpointVariable;
        string? sharedBaseUrl = Get(OpenAiBaseUrlVariable);
        if (endpointText is null && sharedBaseUrl is not null)
        {
            endpointText = sharedBaseUrl;
            endpointSource = OpenAiBaseUrlVariable;
        }

        string? model = Get(modelVariable);
        if (endpointText is null)
        {
            return model is null
                ? ModelRoleSettingsResult.NotConfigured(role, NotConfiguredMessage(role))
                : ModelRoleSettingsResult.Invalid(role, ErrorCodes.MissingEndpoint,
                    $"{modelVariable} is set but no endpoint is. Set {endpointVariable} (or {OpenAiBaseUrlVariable}) to the API base URL, e.g. https://api.openai.com/v1.");
        }

        // The value itself is not echoed: a misplaced API key is a common mistake and must not reach a log.
        if (!Uri.TryCreate(endpointText, UriKind.Absolute, out var endpoint) ||
            (endpoint.Scheme != Uri.UriSchemeHttp && endpoint.Scheme != Uri.UriSchemeHttps))
        {
            return ModelRoleSettingsResult.Invalid(role, ErrorCodes.InvalidEndpoint,
                $"{endpointSource} is not an absolute http or https URL. Use the API base URL including the version segment, e.g. https://api.openai.com/v1 or http://localhost:11434/v1.");
        }

        if (model is null)
        {
            return ModelRoleSettingsResult.Invalid(role, ErrorCodes.MissingModel,
                $"An endpoint is set ({endpointSource}) but no model. Set {modelVariable}, e.g. gpt-4o-mini.");
        }

        string? key = Get(keyVariable) ?? (MayReceiveSharedKey(endpoint, endpointSource, sharedBaseUrl) ? Get(OpenAiApiKeyVariable) : null);
        ModelAuthentication authentication;
        switch (Get(authVariable)?.ToLowerInvariant())
        {
            case null:
                authentication = key is null && AzureEndpoint.IsAzure(endpoint) ? ModelAuthentication.Entra : ModelAuthentication.ApiKey;
                break;
            case "key":
                authentication = ModelAuthentication.ApiKey;
                break;
            case "entra":
                authentication = ModelAuthentication.Entra;
                key = null; // a token is sent instead; the key is never sent alongside it
                break;
            default:
                return ModelRoleSettingsResult.Invalid(role, ErrorCodes.InvalidAuthentication,
                    $"{authVariable} must be 'key' (send {keyVariable}) or 'entra' (sign in with Microsoft Entra ID), or be unset.");
        }

        return ModelRoleSettingsResult.Configured(new ModelRoleSettings(role, endpoint, model, key) { Authentication = authentication });
    }

    /// <summary>Whether <c>OPENAI_API_KEY</c> may go to <paramref name="endpoint"/>: it is <c>OPENAI_BASE_URL</c> or the OpenAI host.</summary>
    private static bool MayReceiveSharedKey(Uri endpoint, string endpointSource, string? sharedBaseUrl) =>
        endpointSource == OpenAiBaseUrlVariable
        || (sharedBaseUrl is not null && Uri.TryCreate(sharedBaseUrl, UriKind.Absolute, out var shared) && EndpointIdentity.Of(shared) == EndpointIdentity.Of(endpoint))
        || (endpoint.Scheme == Uri.UriSchemeHttps && string.Equals(endpoint.Host, OpenAiHost, StringComparison.OrdinalIgnoreCase));

    private string? Get(string name)
    {
        string? value = _lookup(name);
        return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }
}
