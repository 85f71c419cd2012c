using BenchmarkAgent.Execution;
using BenchmarkAgent.Testing.Scoring;
using BenchmarkAgent.Items;

namespace BenchmarkAgent.Testing.Results;

/// <summary>Turns a subject's answer to an item into an <see cref="ItemResult"/> (pure: scoring only).</summary>
internal static class ItemResults
{
    /// <summary>The score with its extracted answer capped like the answer (a text answer's extraction can be the whole answer).</summary>
    private static ItemScore Capped(ItemScore score, int maxAnswerChars) =>
        score.Extracted is { } extracted && extracted.Length > maxAnswerChars ? score with { Extracted = AnswerCap.Apply(extracted, maxAnswerChars) } : score;

    /// <summary>The report's view of an item's media files; <see langword="null"/> for a text item.</summary>
    private static IReadOnlyList<ItemMediaFile>? MediaOf(BenchmarkItem item) =>
        item.Media.Count == 0 ? null : item.Media.Select(ItemMediaFile.From).ToList();

    /// <summary>Scores <paramref name="answer"/> with the item's default scorer; an error stays an error (no score).</summary>
    /// <param name="benchmark">The benchmark name.</param>
    /// <param name="item">The item.</param>
    /// <param name="subject">The subject label.</param>
    /// <param name="answer">The subject's answer.</param>
    /// <returns>The result.</returns>
    /// <param name="maxAnswerChars">The most answer characters kept in the result (<see cref="AnswerCap"/>); scoring sees the whole answer.</param>
    public static ItemResult Score(string benchmark, BenchmarkItem item, string subject, SubjectAnswer answer, int maxAnswerChars = AnswerCap.DefaultMaxChars)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(answer);
        string difficulty = Snapshots.SnapshotNames.Difficulty(item.Difficulty);
        if (answer.Error is { } error)
        {
            return new ItemResult(benchmark, item.Subtask, item.Id, difficulty, subject, string.Empty, null, error.GetType().Name + ": " + error.Message, answer.Latency) { Tokens = answer.Tokens };
        }

        var score = Scorers.For(item.Answer.Type).Score(item, answer.Text);
        return new ItemResult(benchmark, item.Subtask, item.Id, difficulty, subject, AnswerCap.Apply(answer.Text, maxAnswerChars), Capped(score, maxAnswerChars), null, answer.Latency) { Tokens = answer.Tokens };
    }

    /// <summary>
    /// The result of an evaluated item (every repeat scored, judged when a judge is configured), as the item test records
    /// it; an error stays an error (no score).
    /// </summary>
    /// <param name="benchmark">The benchmark name.</param>
    /// <param name="item">The item.</param>
    /// <param name="subject">The subject label.</param>
    /// <param name="outcome">The run's evaluation of the item.</param>
    /// <returns>The result.</returns>
    /// <param name="maxAnswerChars">The most answer characters kept in the result (<see cref="AnswerCap"/>); scoring sees the whole answer.</param>
    public static ItemResult From(string benchmark, BenchmarkItem item, string subject, ItemOutcome outcome, int maxAnswerChars = AnswerCap.DefaultMaxChars)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(outcome);
        string difficulty = Snapshots.SnapshotNames.Difficulty(item.Difficulty);
        var metrics = outcome.Metrics.Count > 0 ? outcome.Metrics : null;
        var media = MediaOf(item);
        if (outcome.SkipReason is { } skipped && outcome.Error is null)
        {
            return new ItemResult(benchmark, item.Subtask, item.Id, difficulty, subject, string.Empty, null, null, TimeSpan.Zero) { Skipped = skipped, Media = media };
        }

        if (outcome.Error is { } error || outcome.Score is null)
        {
            string message = outcome.Error is { } e ? e.GetType().Name + ": " + e.Message : "The item was not scored.";
            return new ItemResult(benchmark, item.Subtask, item.Id, difficulty, subject, string.Empty, null, message, outcome.Latency, Metrics: metrics) { Tokens = outcome.Tokens, JudgeTokens = outcome.JudgeTokens, Media = media };
        }

        // Scored on the whole answer; stored and printed capped (the cap is visible in the text).
        string response = AnswerCap.Apply(outcome.Responses.Count > 0 ? outcome.Responses[0] : string.Empty, maxAnswerChars);
        return new ItemResult(benchmark, item.Subtask, item.Id, difficulty, subject, response, Capped(outcome.Score, maxAnswerChars), null, outcome.Latency, outcome.Repeats, metrics) { Tokens = outcome.Tokens, JudgeTokens = outcome.JudgeTokens, Media = media };
    }
}
