namespace BenchmarkAgent.Generation.Verification;

/// <summary>The paper's inspection categories, and which of them a packaging fix may repair.</summary>
internal static class InspectionCategories
{
    /// <summary>Every category, in the order the inspector reports them.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        "subtask-alignment",
        "answerability",
        "semantic-correctness",
        "answer-type",
        "ambiguity",
        "leakage",
        "missing-media",
        "schema-recoverability",
        "redundant-fields",
    ];

    /// <summary>
    /// The categories whose failures can be packaging problems (how the item is written down, not what it asks); a
    /// failure of any other category (a wrong answer, an ambiguous question, a leak) is never repaired, only replaced.
    /// </summary>
    public static IReadOnlySet<string> Packaging { get; } = new HashSet<string>(StringComparer.Ordinal) { "answer-type", "schema-recoverability", "redundant-fields" };
}
