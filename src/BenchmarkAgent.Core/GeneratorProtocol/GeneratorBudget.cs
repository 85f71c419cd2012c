namespace BenchmarkAgent.GeneratorProtocol;

/// <summary>
/// The declared limits of one generation run (MSBuild properties <c>BenchmarkAgentMaxGeneratorRequests</c>,
/// <c>BenchmarkAgentMaxGeneratorTokens</c>, <c>BenchmarkAgentMaxGenerationSeconds</c>); null means no limit. Requests and
/// tokens only bound the LLM backbone; the wall time bounds any backbone.
/// </summary>
/// <param name="MaxRequests">The most model requests.</param>
/// <param name="MaxTokens">The most input plus output tokens.</param>
/// <param name="MaxSeconds">The longest wall time of the run, in seconds.</param>
internal sealed record GeneratorBudget(int? MaxRequests = null, long? MaxTokens = null, int? MaxSeconds = null);
