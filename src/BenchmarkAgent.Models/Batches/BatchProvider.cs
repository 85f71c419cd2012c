namespace BenchmarkAgent.Models;

/// <summary>Where a provider batch runs: the wire shapes differ a little, the flow is the same.</summary>
internal enum BatchProvider
{
    /// <summary>The OpenAI Batch API under the role's base URL (<c>/files</c>, <c>/batches</c>); lines name <c>/v1/chat/completions</c>.</summary>
    OpenAi,

    /// <summary>An Azure OpenAI batch deployment under the v1 base URL (<c>https://&lt;resource&gt;.openai.azure.com/openai/v1/</c>); lines name <c>/chat/completions</c> and the model is the deployment.</summary>
    Azure,

    /// <summary><c>vllm run-batch</c>: no HTTP; the input JSONL is written for the user to run, and the output JSONL is read back.</summary>
    VllmFiles,
}
