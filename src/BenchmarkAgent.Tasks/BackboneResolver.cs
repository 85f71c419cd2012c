namespace BenchmarkAgent.Tasks;

/// <summary>
/// Resolves a benchmark's generator choice to a backbone, in process and with the BCL only: <c>auto</c> is the LLM
/// backbone when the generator role's own variables are set. The program reads the full role settings (and the key)
/// itself; the task only needs to know which backbone the fingerprint names.
/// </summary>
internal static class BackboneResolver
{
    /// <summary>The identity of the offline backbone (adds nothing to the fingerprint).</summary>
    public const string OfflineIdentity = "offline";

    /// <summary>Resolves <paramref name="choice"/> for <paramref name="benchmark"/>.</summary>
    /// <param name="benchmark">The benchmark name, for the problem's message.</param>
    /// <param name="choice">auto, offline or llm.</param>
    /// <param name="environment">Reads an environment variable.</param>
    /// <param name="promptHash">The hash of the LLM backbone's prompts, shipped next to the generator program.</param>
    public static BackboneResolution Resolve(string benchmark, string choice, Func<string, string?> environment, string promptHash)
    {
        string llmIdentity = "llm;prompts=" + promptHash;
        bool configured = GeneratorChoices.RoleVariables.Any(v => !string.IsNullOrWhiteSpace(environment(v)));
        return choice switch
        {
            GeneratorChoices.Offline => new(GeneratorChoices.Offline, OfflineIdentity, null, null),
            GeneratorChoices.Llm when configured => new(GeneratorChoices.Llm, llmIdentity, null, null),
            GeneratorChoices.Llm => new(GeneratorChoices.Llm, llmIdentity, null, new GenerationProblem(ErrorCodes.GeneratorNotConfigured,
                $"Benchmark '{benchmark}' must be generated with the LLM backbone (Generator or BenchmarkAgentGenerator is llm), but no generator model is configured. Set BENCHAGENT_GENERATOR_ENDPOINT (e.g. https://api.openai.com/v1) and BENCHAGENT_GENERATOR_MODEL (e.g. gpt-4o-mini), plus BENCHAGENT_GENERATOR_API_KEY if the endpoint needs one; or set it to offline.",
                benchmark)),
            _ when configured => new(GeneratorChoices.Llm, llmIdentity, null, null),
            _ => new(GeneratorChoices.Offline, OfflineIdentity, llmIdentity, null),
        };
    }
}
