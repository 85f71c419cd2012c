using BenchmarkAgent.Testing.Results;
using BenchmarkAgent.Testing.Settings;

namespace BenchmarkAgent.Testing.Tests.Hardening;

/// <summary>Issue 16, finding 10: a 50 MB answer was stored and printed in full (a 419 MB report).</summary>
public sealed class AnswerCapHardeningTests
{
    [Fact]
    public void Finding10_a_huge_answer_is_scored_whole_but_stored_capped_with_a_visible_note()
    {
        var item = TestItems.Item(ExpectedAnswer.Number(7));
        string huge = new string('x', 5_000_000) + "\nAnswer: 7";
        var outcome = new ItemOutcome([huge], BenchmarkAgent.Testing.Scoring.Scorers.For(item.Answer.Type).Score(item, huge), null, [], null, TimeSpan.FromSeconds(1));

        var result = ItemResults.From("bench", item, "subject", outcome);

        Assert.True(result.Score!.Passed); // scored on the whole answer, whose last line holds it
        Assert.InRange(result.Response.Length, AnswerCap.DefaultMaxChars, AnswerCap.DefaultMaxChars + 200);
        Assert.Contains("answer truncated: 16,384 of 5,000,010 characters kept", result.Response, StringComparison.Ordinal);
    }

    [Fact]
    public void Finding10_the_cap_is_configurable_keeps_short_answers_and_never_splits_a_surrogate_pair()
    {
        Assert.Equal("short", AnswerCap.Apply("short", 10));
        string capped = AnswerCap.Apply("ab\ud83d\ude00cd", 3);
        Assert.StartsWith("ab [", capped, StringComparison.Ordinal);

        var settings = RunSettingsReader.Read(name => name == RunSettingsReader.MaxAnswerCharsVariable ? "100" : null);
        Assert.Equal(100, settings.MaxAnswerChars);
        var invalid = RunSettingsReader.Read(name => name == RunSettingsReader.MaxAnswerCharsVariable ? "-1" : null);
        Assert.Contains(invalid.Errors, e => e.Code == "BA2065");
    }
}
