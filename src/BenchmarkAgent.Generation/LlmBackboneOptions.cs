using BenchmarkAgent.Families;
using BenchmarkAgent.Generation.Budgets;
using BenchmarkAgent.Generation.Grounding;

namespace BenchmarkAgent.Generation;

/// <summary>The knobs of the LLM backbone; the defaults are the documented ones (docs/generation.md, "The LLM backbone").</summary>
internal sealed record LlmBackboneOptions
{
    /// <summary>The default item-quality threshold: an item with a rating below it is replaced.</summary>
    public const int DefaultQualityThreshold = 3;

    /// <summary>The default grounding acceptance threshold on the total score.</summary>
    public const double DefaultAcceptanceThreshold = 0.6;

    /// <summary>The default lowest alignment a grounding may have, whatever its total.</summary>
    public const double DefaultMinAlignment = 0.5;

    /// <summary>What the backbone may spend; unlimited by default.</summary>
    public GenerationBudget Budget { get; init; } = GenerationBudget.Unlimited;

    /// <summary>Items with any quality rating below this (1 to 5) are replaced.</summary>
    public int QualityThreshold { get; init; } = DefaultQualityThreshold;

    /// <summary>A grounding is accepted when its total (0.55 alignment + 0.25 coverage + 0.1 simplicity + 0.1 (1 - risk)) reaches this.</summary>
    public double AcceptanceThreshold { get; init; } = DefaultAcceptanceThreshold;

    /// <summary>A grounding is accepted only when its alignment reaches this too.</summary>
    public double MinAlignment { get; init; } = DefaultMinAlignment;

    /// <summary>How many times rejected grounding goes back to the design agent.</summary>
    public int MaxDesignRounds { get; init; } = 2;

    /// <summary>Attempts of one structured step (a refusal or unreadable reply is retried with the problem stated).</summary>
    public int StepAttempts { get; init; } = 3;

    /// <summary>Candidates (seeds) one item position may consume before its subtask is declared short (BA0301).</summary>
    public int MaxAttemptsPerItem { get; init; } = 4;

    /// <summary>Steps one candidate may take, rolled-back ones included (brief, realise, check, inspect, rate, redrafts).</summary>
    public int MaxStepsPerSample { get; init; } = 8;

    /// <summary>Candidate cards retrieved per subtask (2 to 3 in the paper).</summary>
    public int CandidatesPerSubtask { get; init; } = 3;

    /// <summary>How many positions of a subtask are realised at the same time; 1 keeps rejections independent of timing.</summary>
    public int Concurrency { get; init; } = 1;

    /// <summary>The task families of the grounding pool and the family tool (default: every built-in family).</summary>
    public IReadOnlyList<ITaskFamily> Families { get; init; } = BuiltInTaskFamilies.All;

    /// <summary>The lexical retriever over the pool; null for <see cref="Grounding.LexicalCardRetriever"/> (BM25 + TF-IDF).</summary>
    public ICardRetriever? Retriever { get; init; }

    /// <summary>The clock of the wall-time budget.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>The problem with these options (<c>BA0503</c>), or null.</summary>
    public string? Validate() =>
        Budget.Validate() ??
        (QualityThreshold is < 1 or > 5
            ? $"{ErrorCodes.InvalidGenerationSetting}: the item-quality threshold is {QualityThreshold}; use a whole number from 1 to 5 (default {DefaultQualityThreshold})."
            : null);
}
