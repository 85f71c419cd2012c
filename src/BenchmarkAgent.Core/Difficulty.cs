namespace BenchmarkAgent;

/// <summary>How much work an item needs. Every task family supports all three levels.</summary>
internal enum Difficulty
{
    /// <summary>One or two reasoning steps, small numbers, short contexts.</summary>
    Easy = 1,

    /// <summary>Several steps or a moderate context.</summary>
    Medium = 2,

    /// <summary>Many steps, distractors or long contexts.</summary>
    Hard = 3,
}
