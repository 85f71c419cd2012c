using BenchmarkAgent.Grounding;

namespace BenchmarkAgent.Planning;

/// <summary>One subtask of a plan: what it tests, why it was chosen, where its items come from and how many.</summary>
/// <param name="Name">A stable kebab-case name; part of every item's test name.</param>
/// <param name="Description">What the items look like.</param>
/// <param name="Skill">The skill area tested.</param>
/// <param name="AnswerType">The answer type of its items.</param>
/// <param name="Difficulty">The fixed difficulty, or <see langword="null"/> for a mix of all levels.</param>
/// <param name="Source">Where samples come from: a <see cref="FamilySource"/> or a whole <see cref="DatasetSource"/>.</param>
/// <param name="Relevance">How well the source matched the query (0 to 1).</param>
/// <param name="Rationale">Why the planner chose this subtask, in words.</param>
/// <param name="Quota">How many items this subtask contributes.</param>
internal sealed record PlannedSubtask(
    string Name,
    string Description,
    string Skill,
    AnswerType AnswerType,
    Difficulty? Difficulty,
    ItemSource Source,
    double Relevance,
    string Rationale,
    int Quota)
{
    /// <summary>The transformation chains (names) a dataset subtask applies to its records; empty for a family subtask.</summary>
    public IReadOnlyList<string> Transformations { get; init; } = [];

    /// <summary>The grounding score of a dataset subtask's best (dataset, chain) candidate; null for a family subtask.</summary>
    public GroundingScore? Grounding { get; init; }

    /// <summary>The core capability the subtask isolates (LLM backbone's design agent); null for the offline planner.</summary>
    public string? Capability { get; init; }

    /// <summary>The sample schema's input fields (<c>question</c>, <c>context</c>, <c>media</c>) from the design agent; empty for the offline planner.</summary>
    public IReadOnlyList<string> Inputs { get; init; } = [];
    /// <summary>The (dataset, chain) candidates a dataset subtask considered, with scores and decisions; empty for a family subtask.</summary>
    public IReadOnlyList<CandidateOutcome> Candidates { get; init; } = [];
    /// <summary>The lexical evidence (BM25, TF-IDF cosine, matched terms) of a family subtask; null for a dataset subtask.</summary>
    public Retrieval.LexicalHit? Retrieval { get; init; }
}
