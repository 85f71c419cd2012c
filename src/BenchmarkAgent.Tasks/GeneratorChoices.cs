namespace BenchmarkAgent.Tasks;

/// <summary>
/// The values of <c>$(BenchmarkAgentGenerator)</c> and the <c>Generator</c> item metadata: <c>auto</c> (the LLM backbone
/// when the generator role is configured, else offline), <c>offline</c>, <c>llm</c>.
/// </summary>
internal static class GeneratorChoices
{
    /// <summary>The LLM backbone when <c>BENCHAGENT_GENERATOR_ENDPOINT</c> or <c>_MODEL</c> is set, else offline.</summary>
    public const string Auto = "auto";

    /// <summary>The offline backbone (task families, datasets, transformations; no model call).</summary>
    public const string Offline = "offline";

    /// <summary>The LLM backbone on the generator role.</summary>
    public const string Llm = "llm";

    /// <summary>The variables whose presence means the generator role is configured (for <see cref="Auto"/>).</summary>
    public static IReadOnlyList<string> RoleVariables { get; } = ["BENCHAGENT_GENERATOR_ENDPOINT", "BENCHAGENT_GENERATOR_MODEL"];

    /// <summary>Normalises <paramref name="text"/> (empty is <see cref="Auto"/>); null when it is not a choice.</summary>
    public static string? Parse(string? text)
    {
        string value = (text ?? string.Empty).Trim().ToLowerInvariant();
        return value switch
        {
            "" or Auto => Auto,
            Offline => Offline,
            Llm => Llm,
            _ => null,
        };
    }
}
