using BenchmarkAgent.Generation.Calls;
using BenchmarkAgent.Generation.Prompts;
using BenchmarkAgent.Planning;

namespace BenchmarkAgent.Generation.Planning;

/// <summary>The scope step: a short topic, modalities and keywords for the query.</summary>
internal sealed class ScopeStage(GeneratorCaller caller)
{
    /// <summary>Scopes <paramref name="request"/>.</summary>
    /// <exception cref="LlmGenerationException">No usable reply in all attempts (<c>BA0501</c>).</exception>
    public async ValueTask<ScopeReply> RunAsync(BenchmarkRequest request, CancellationToken cancellationToken)
    {
        var result = await caller.CallAsync<ScopeReply>(
            PromptStage.Scope,
            new { request.Query, request.Seed },
            reply => reply.Problem(),
            cancellationToken).ConfigureAwait(false);
        return result.Value ?? throw StageFailed(PromptStage.Scope, result);
    }

    /// <summary>The <c>BA0501</c> error of a planning stage that got no usable reply.</summary>
    internal static LlmGenerationException StageFailed<T>(string stage, StepResult<T> result)
        where T : class =>
        new(ErrorCodes.GeneratorStageFailed, $"the {stage} stage got no usable answer in {result.Attempts} attempts (last: {result.Problem}). Use a generator model that follows JSON-schema structured outputs, or reword the query.");
}
