namespace BenchmarkAgent.Testing.Scoring;

/// <summary>
/// How an item scored over its repeats (<c>BENCHAGENT_SUBJECT_REPEATS</c>): pass@k (at least one of the k repeats
/// passed; with k samples this is the unbiased pass@k estimate), majority (strictly more than half passed, which is
/// also whether the item passes), and the mean score.
/// </summary>
/// <param name="Repeats">How many times the item was asked (k).</param>
/// <param name="Passed">How many repeats passed.</param>
/// <param name="PassAtK">Whether at least one repeat passed.</param>
/// <param name="Majority">Whether strictly more than half of the repeats passed.</param>
/// <param name="MeanScore">The mean score over the repeats (0 to 1).</param>
/// <param name="Scores">Each repeat's score, in repeat order.</param>
internal sealed record RepeatSummary(int Repeats, int Passed, bool PassAtK, bool Majority, double MeanScore, IReadOnlyList<double> Scores)
{
    /// <summary>Summarises the scores of an item's repeats.</summary>
    /// <param name="scores">One score per repeat, at least one.</param>
    /// <returns>The summary.</returns>
    public static RepeatSummary From(IReadOnlyList<ItemScore> scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentOutOfRangeException.ThrowIfZero(scores.Count, nameof(scores));
        int passed = scores.Count(s => s.Passed);
        return new RepeatSummary(scores.Count, passed, passed > 0, passed * 2 > scores.Count, scores.Average(s => s.Value), scores.Select(s => s.Value).ToList());
    }

    /// <summary>The item's overall score: the mean score, passed by majority, with the first repeat's extraction.</summary>
    /// <param name="scores">One score per repeat, in repeat order.</param>
    /// <returns>The first score when there is one repeat; otherwise a combined score that explains the repeats.</returns>
    public static ItemScore Combine(IReadOnlyList<ItemScore> scores)
    {
        var summary = From(scores);
        if (scores.Count == 1)
        {
            return scores[0];
        }

        var first = scores[0];
        return new ItemScore(summary.MeanScore, summary.Majority, first.Extracted, first.Expected,
            $"{summary.Passed} of {summary.Repeats} repeats passed (pass@{summary.Repeats}: {(summary.PassAtK ? "yes" : "no")}, majority: {(summary.Majority ? "yes" : "no")}, mean {summary.MeanScore:0.###}). First repeat: {first.Explanation}");
    }
}
