using BenchmarkAgent.Execution;
using BenchmarkAgent.GeneratorProtocol;
using BenchmarkAgent.Models;
using BenchmarkAgent.Generation;
using BenchmarkAgent.Generation.Budgets;
using Microsoft.Extensions.AI;

namespace BenchmarkAgent.Generator;

/// <summary>
/// The one factory of backbones in the program: <c>offline</c> is the embedded offline engine; <c>llm</c> reads the
/// generator role (<c>BENCHAGENT_GENERATOR_*</c>) and composes its chat client through the model layer.
/// </summary>
internal sealed class BackboneSelector
{
    private readonly ModelRoleSettingsReader _settings;
    private readonly ModelPipelineOptions _pipeline;
    private readonly Func<IChatClient, string, GeneratorBudget, IGenerationBackbone> _llm;
    private readonly IReadOnlyList<Families.ITaskFamily>? _families;
    private OfflineBackbone? _offline;

    /// <summary>Creates a selector.</summary>
    /// <param name="settings">Reads the generator role (default: the environment).</param>
    /// <param name="pipeline">The model pipeline options (cache folder, retries).</param>
    /// <param name="llm">Builds the LLM backbone over the composed client (default: <see cref="CreateLlmBackbone"/>).</param>
    /// <param name="concurrency">How many sample positions the LLM backbone realises at once (<c>BENCHAGENT_GENERATOR_CONCURRENCY</c>).</param>
    /// <param name="families">The task families both backbones generate with (default: the built-in text families only; the
    /// program passes <see cref="GeneratorFamilies.Compose"/>, which adds the media families).</param>
    public BackboneSelector(ModelRoleSettingsReader settings, ModelPipelineOptions pipeline, Func<IChatClient, string, GeneratorBudget, IGenerationBackbone>? llm = null, int concurrency = 1, IReadOnlyList<Families.ITaskFamily>? families = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(concurrency, 1);
        _settings = settings;
        _pipeline = pipeline;
        _families = families;
        _llm = llm ?? ((client, model, budget) => CreateLlmBackbone(client, model, budget, concurrency, families));
    }

    /// <summary>The backbone for <paramref name="backbone"/> (<c>offline</c> or <c>llm</c>, as the task resolved it).</summary>
    public BackboneSelection Select(string backbone, GeneratorBudget budget)
    {
        if (backbone == Planning.OfflinePlanner.BackboneName)
        {
            return new(_offline ??= new OfflineBackbone(_families), null, null);
        }

        var read = _settings.Read(ModelRole.Generator);
        if (read.Settings is not { } settings)
        {
            // The reader's messages never hold a key or a raw variable value.
            string code = read.ErrorCode ?? ErrorCodes.GeneratorNotConfigured;
            string text = read.ErrorCode is null ? read.Message : read.Message[(code.Length + 2)..];
            return new(null, null, GeneratorLine.Error(code, "The LLM backbone was chosen but the generator role is not usable: " + text));
        }

        var client = ModelClientFactory.Create(settings, _pipeline);
        return new(_llm(client, settings.Model, budget), client, null);
    }

    /// <summary>The LLM backbone (src/BenchmarkAgent.Generation) over the generator role's composed client, within <paramref name="budget"/>.</summary>
    private static IGenerationBackbone CreateLlmBackbone(IChatClient client, string model, GeneratorBudget budget, int concurrency, IReadOnlyList<Families.ITaskFamily>? families) =>
        new LlmBackbone(client, model, new LlmBackboneOptions
        {
            Families = families ?? Families.BuiltInTaskFamilies.All,
            Budget = new GenerationBudget(
                budget.MaxRequests,
                budget.MaxTokens,
                budget.MaxSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : null),
            Concurrency = concurrency,
        });
}
