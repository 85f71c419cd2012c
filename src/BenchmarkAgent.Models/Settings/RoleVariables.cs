namespace BenchmarkAgent.Models;

/// <summary>
/// The environment variables that configure one model role, spelled out so each name can be found in the source.
/// The generator role's names are read by the same reader; no product code asks for that role yet.
/// </summary>
/// <param name="Endpoint">The API base URL variable.</param>
/// <param name="Model">The model (or deployment) name variable.</param>
/// <param name="ApiKey">The API key variable.</param>
/// <param name="Auth">The sign-in switch variable (<c>key</c> or <c>entra</c>).</param>
internal sealed record RoleVariables(string Endpoint, string Model, string ApiKey, string Auth)
{
    /// <summary>The model under test.</summary>
    public static RoleVariables Subject { get; } = new("BENCHAGENT_SUBJECT_ENDPOINT", "BENCHAGENT_SUBJECT_MODEL", "BENCHAGENT_SUBJECT_API_KEY", "BENCHAGENT_SUBJECT_AUTH");

    /// <summary>The LLM judge.</summary>
    public static RoleVariables Judge { get; } = new("BENCHAGENT_JUDGE_ENDPOINT", "BENCHAGENT_JUDGE_MODEL", "BENCHAGENT_JUDGE_API_KEY", "BENCHAGENT_JUDGE_AUTH");

    /// <summary>The generator (planning and generation with an LLM backbone).</summary>
    public static RoleVariables Generator { get; } = new("BENCHAGENT_GENERATOR_ENDPOINT", "BENCHAGENT_GENERATOR_MODEL", "BENCHAGENT_GENERATOR_API_KEY", "BENCHAGENT_GENERATOR_AUTH");

    /// <summary>Returns the variables of <paramref name="role"/>.</summary>
    /// <param name="role">The role.</param>
    /// <returns>Its variables.</returns>
    public static RoleVariables For(ModelRole role) => role switch
    {
        ModelRole.Subject => Subject,
        ModelRole.Judge => Judge,
        ModelRole.Generator => Generator,
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "Unknown model role."),
    };
}
