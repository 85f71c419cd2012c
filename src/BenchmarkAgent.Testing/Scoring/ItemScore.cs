namespace BenchmarkAgent.Testing.Scoring;

/// <summary>How one response scored against one item.</summary>
/// <param name="Value">The score from 0 (wrong) to 1 (correct).</param>
/// <param name="Passed">Whether the response counts as correct.</param>
/// <param name="Extracted">What was parsed from the response as its answer; empty when nothing was found.</param>
/// <param name="Expected">The reference answer.</param>
/// <param name="Explanation">One sentence on how the score was reached, for reports and failure messages.</param>
internal sealed record ItemScore(double Value, bool Passed, string Extracted, string Expected, string Explanation)
{
    /// <summary>Creates a full-credit score.</summary>
    /// <param name="extracted">The answer parsed from the response.</param>
    /// <param name="expected">The reference answer.</param>
    /// <param name="explanation">How the score was reached.</param>
    /// <returns>A score of 1 that passed.</returns>
    public static ItemScore Correct(string extracted, string expected, string explanation) =>
        new(1, true, extracted, expected, explanation);

    /// <summary>Creates a zero score.</summary>
    /// <param name="extracted">The answer parsed from the response, or empty.</param>
    /// <param name="expected">The reference answer.</param>
    /// <param name="explanation">Why the response is wrong.</param>
    /// <returns>A score of 0 that failed.</returns>
    public static ItemScore Wrong(string extracted, string expected, string explanation) =>
        new(0, false, extracted, expected, explanation);
}
