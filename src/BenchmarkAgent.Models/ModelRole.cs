namespace BenchmarkAgent.Models;

/// <summary>The part a model plays in a benchmark; each role is configured separately.</summary>
internal enum ModelRole
{
    /// <summary>The model that drafts benchmark items at build time (the LLM backbone, src/BenchmarkAgent.Generation).</summary>
    Generator,

    /// <summary>The model that grades free-form answers or checks generated items.</summary>
    Judge,

    /// <summary>The model under test, which answers the benchmark items.</summary>
    Subject,
}
