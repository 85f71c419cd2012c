using BenchmarkAgent.Constraints;
using BenchmarkAgent.Execution;
using BenchmarkAgent.Items;

namespace BenchmarkAgent.Testing.Scoring;

/// <summary>
/// Scores free-text answers against a constraint spec (<see cref="AnswerType.Constraint"/>): the score is the
/// fraction of constraints the whole response meets, the item passes only when every constraint is met, and the
/// explanation lists each failed constraint with what was found. Pure: no I/O, no state.
/// </summary>
internal sealed class ConstraintScorer : IScorer
{
    /// <inheritdoc />
    public ItemScore Score(BenchmarkItem item, string response)
    {
        ArgumentNullException.ThrowIfNull(item);
        string text = (response ?? string.Empty).Trim();
        string expected = item.Answer.Value;
        if (!ConstraintSpec.TryParse(expected, out var spec, out string error))
        {
            return ItemScore.Wrong(AnswerText.Excerpt(text), expected, $"The item's constraint spec is invalid ({error}); regenerate the snapshot.");
        }

        if (text.Length == 0)
        {
            return ItemScore.Wrong(string.Empty, expected, $"The response is empty; 0 of {spec!.Constraints.Count} constraints checked.");
        }

        var outcomes = ConstraintEvaluator.Evaluate(spec!, text);
        int met = outcomes.Count(o => o.Passed);
        var failed = outcomes.Where(o => !o.Passed).Select(o => $"{o.Constraint.Token} ({o.Reason})").ToList();
        string explanation = failed.Count == 0
            ? $"All {outcomes.Count} constraints met."
            : $"{met} of {outcomes.Count} constraints met; failed: {string.Join("; ", failed)}.";
        return new ItemScore((double)met / outcomes.Count, failed.Count == 0, AnswerText.Excerpt(text), expected, explanation);
    }
}
