namespace BenchmarkAgent.Testing.Subjects;

/// <summary>
/// Reads a role's model configuration from environment variables, through a lookup function so tests never touch
/// the process environment.
/// </summary>
/// <remarks>
/// For a role <c>ROLE</c> (<c>GENERATOR</c>, <c>JUDGE</c> or <c>SUBJECT</c>) the variables are
/// <c>BENCHAGENT_ROLE_ENDPOINT</c> (falling back to <c>OPENAI_BASE_URL</c>), <c>BENCHAGENT_ROLE_MODEL</c> and
/// <c>BENCHAGENT_ROLE_API_KEY</c> (falling back to <c>OPENAI_API_KEY</c>). For the subject only,
/// <c>BENCHAGENT_SUBJECT_BASELINE=random-guess</c> selects the chance-level baseline and takes precedence over any
/// endpoint. Empty or whitespace values count as unset. A model is required when an endpoint is set.
/// </remarks>
public sealed class ChatClientSettingsReader
{
    /// <summary>The shared fallback for every role's endpoint.</summary>
    public const string OpenAiBaseUrlVariable = "OPENAI_BASE_URL";

    /// <summary>The shared fallback for every role's API key.</summary>
    public const string OpenAiApiKeyVariable = "OPENAI_API_KEY";

    /// <summary>The variable that selects a built-in subject baseline.</summary>
    public const string SubjectBaselineVariable = "BENCHAGENT_SUBJECT_BASELINE";

    private readonly Func<string, string?> _lookup;

    /// <summary>Creates a reader over a variable lookup.</summary>
    /// <param name="lookup">Returns a variable's value or <see langword="null"/>, e.g. <see cref="Environment.GetEnvironmentVariable(string)"/>.</param>
    public ChatClientSettingsReader(Func<string, string?> lookup)
    {
        ArgumentNullException.ThrowIfNull(lookup);
        _lookup = lookup;
    }

    /// <summary>Creates a reader over the process environment.</summary>
    /// <returns>A reader that calls <see cref="Environment.GetEnvironmentVariable(string)"/>.</returns>
    public static ChatClientSettingsReader FromEnvironment() => new(Environment.GetEnvironmentVariable);

    /// <summary>Returns the name of a role's variable, e.g. <c>BENCHAGENT_SUBJECT_ENDPOINT</c>.</summary>
    /// <param name="role">The role.</param>
    /// <param name="suffix">The suffix: <c>ENDPOINT</c>, <c>MODEL</c> or <c>API_KEY</c>.</param>
    /// <returns>The variable name.</returns>
    public static string VariableName(ModelRole role, string suffix) =>
        $"BENCHAGENT_{role.ToString().ToUpperInvariant()}_{suffix}";

    /// <summary>Returns the exact message shown when a role has no configuration.</summary>
    /// <param name="role">The role.</param>
    /// <returns>A message naming the variables to set.</returns>
    public static string NotConfiguredMessage(ModelRole role)
    {
        string lower = role.ToString().ToLowerInvariant();
        string baseline = role == ModelRole.Subject
            ? $"; or set {SubjectBaselineVariable}={RandomGuessSubject.BaselineName} for a chance-level baseline"
            : string.Empty;
        return $"No {lower} model is configured. Set {VariableName(role, "ENDPOINT")} (e.g. https://api.openai.com/v1) " +
            $"and {VariableName(role, "MODEL")} (e.g. gpt-4o-mini), plus {VariableName(role, "API_KEY")} if the endpoint needs one" +
            $"{baseline}; or supply an IChatClient in code.";
    }

    /// <summary>Reads one role's configuration.</summary>
    /// <param name="role">The role to read.</param>
    /// <returns>The settings, a baseline, or a message saying what is missing or wrong.</returns>
    public ChatClientSettingsResult Read(ModelRole role)
    {
        if (role == ModelRole.Subject && Get(SubjectBaselineVariable) is { } baseline)
        {
            return string.Equals(baseline, RandomGuessSubject.BaselineName, StringComparison.OrdinalIgnoreCase)
                ? ChatClientSettingsResult.ForBaseline(role, RandomGuessSubject.BaselineName)
                : ChatClientSettingsResult.Invalid(role, ErrorCodes.UnknownBaseline,
                    $"{SubjectBaselineVariable} names an unknown baseline. The only built-in baseline is '{RandomGuessSubject.BaselineName}'.");
        }

        string endpointVariable = VariableName(role, "ENDPOINT");
        string modelVariable = VariableName(role, "MODEL");
        string keyVariable = VariableName(role, "API_KEY");

        string? endpointText = Get(endpointVariable);
        string endpointSource = endpointVariable;
        if (endpointText is null && Get(OpenAiBaseUrlVariable) is { } fallback)
        {
            endpointText = fallback;
            endpointSource = OpenAiBaseUrlVariable;
        }

        string? model = Get(modelVariable);
        string? key = Get(keyVariable) ?? Get(OpenAiApiKeyVariable);

        if (endpointText is null)
        {
            return model is null
                ? ChatClientSettingsResult.NotConfigured(role, NotConfiguredMessage(role))
                : ChatClientSettingsResult.Invalid(role, ErrorCodes.MissingEndpoint,
                    $"{modelVariable} is set but no endpoint is. Set {endpointVariable} (or {OpenAiBaseUrlVariable}) to the API base URL, e.g. https://api.openai.com/v1.");
        }

        // The value itself is not echoed: a misplaced API key is a common mistake and must not reach a log.
        if (!Uri.TryCreate(endpointText, UriKind.Absolute, out var endpoint) ||
            (endpoint.Scheme != Uri.UriSchemeHttp && endpoint.Scheme != Uri.UriSchemeHttps))
        {
            return ChatClientSettingsResult.Invalid(role, ErrorCodes.InvalidEndpoint,
                $"{endpointSource} is not an absolute http or https URL. Use the API base URL including the version segment, e.g. https://api.openai.com/v1 or http://localhost:11434/v1.");
        }

        if (model is null)
        {
            return ChatClientSettingsResult.Invalid(role, ErrorCodes.MissingModel,
                $"An endpoint is set ({endpointSource}) but no model. Set {modelVariable}, e.g. gpt-4o-mini.");
        }

        return ChatClientSettingsResult.Configured(new ChatClientSettings(role, endpoint, model, key));
    }

    private string? Get(string name)
    {
        string? value = _lookup(name);
        return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }
}
