using BenchmarkAgent.Testing.Results;

namespace BenchmarkAgent.Testing.Reports;

/// <summary>Aggregate scores of a group of items (a benchmark or a subtask).</summary>
/// <param name="Name">The group's name.</param>
/// <param name="Items">Items run (skipped items are not run: see <see cref="Skipped"/>).</param>
/// <param name="Passed">Items answered correctly.</param>
/// <param name="Errors">Items whose call failed (counted apart from wrong answers).</param>
/// <param name="MeanScore">The mean item score over items without errors (0 to 1).</param>
internal sealed record ScoreSummary(string Name, int Items, int Passed, int Errors, double MeanScore)
{
    /// <summary>
    /// With repeats (<c>BENCHAGENT_SUBJECT_REPEATS</c> &gt; 1): how many items passed in at least one repeat (pass@k);
    /// <see langword="null"/> when every item was asked once.
    /// </summary>
    public int? PassAtK { get; init; }

    /// <summary>With repeats: the largest number of repeats an item of the group was asked (the k of pass@k); otherwise <see langword="null"/>.</summary>
    public int? Repeats { get; init; }

    /// <summary>The tokens the subject used for the group's items; <see langword="null"/> when the endpoint reported none.</summary>
    public Results.TokenCounts? Tokens { get; init; }

    /// <summary>The tokens the judge used for the group's items; <see langword="null"/> without a judge or when none were reported.</summary>
    public Results.TokenCounts? JudgeTokens { get; init; }

    /// <summary>The numeric metrics of the group's items (judge scores and the project evaluators' numbers), one per name; empty without any.</summary>
    public IReadOnlyList<MetricSummary> Metrics { get; init; } = [];

    /// <summary>Items skipped because they need a modality (image, audio) the subject does not declare: neither passes, failures nor errors, and not in the score.</summary>
    public int Skipped { get; init; }
}
