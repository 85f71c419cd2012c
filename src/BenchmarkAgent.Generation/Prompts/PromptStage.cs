namespace BenchmarkAgent.Generation.Prompts;

/// <summary>The names of the LLM backbone's stages; each names its prompt file and appears on its prompt's first line.</summary>
internal static class PromptStage
{
    /// <summary>Scope: short topic, modalities, keywords.</summary>
    public const string Scope = "scope";

    /// <summary>Design agent: 1-3 subtasks, sample schema, answer type; revise or discard on feedback.</summary>
    public const string Design = "design";

    /// <summary>Grounding: transformability of retrieved cards, an operation plan and scores.</summary>
    public const string Grounding = "grounding";

    /// <summary>Allocation: importance of each subtask.</summary>
    public const string Allocation = "allocation";

    /// <summary>Executor: the brief of one sample (core facts, reasoning hops, leakage guards).</summary>
    public const string Brief = "brief";

    /// <summary>Executor: the model writes one sample itself.</summary>
    public const string Draft = "draft";

    /// <summary>Verifier: the inspector over the paper's categories.</summary>
    public const string Inspect = "inspect";

    /// <summary>Verifier: the six item-quality ratings.</summary>
    public const string Rate = "rate";
}
