using BenchmarkAgent.Retrieval;

namespace BenchmarkAgent.Core.Tests.Retrieval;

public sealed class QueryModifiersTests
{
    [Theory]
    [InlineData("Multi-step arithmetic word problems with irrelevant facts", "irrelevant-context", "irrelevant-context-injection")]
    [InlineData("reading questions padded with unrelated sentences", "irrelevant-context", "irrelevant-context-injection")]
    [InlineData("math problems with distractors", "irrelevant-context", "irrelevant-context-injection")]
    [InlineData("Logic puzzles, noisy input", "surface-noise", "surface-noise")]
    [InlineData("questions with a few typos", "surface-noise", "surface-noise")]
    [InlineData("spelling mistakes in the prompt", "surface-noise", "surface-noise")]
    [InlineData("dates as multiple choice", "multiple-choice", "open-to-multiple-choice")]
    [InlineData("MCQ style arithmetic", "multiple-choice", "open-to-multiple-choice")]
    [InlineData("pick one of four options", "multiple-choice", "open-to-multiple-choice")]
    [InlineData("answer in JSON", "answer-format", "answer-format-constraint")]
    [InlineData("unit conversion, answers in a fixed format", "answer-format", "answer-format-constraint")]
    [InlineData("strict answer format", "answer-format", "answer-format-constraint")]
    [InlineData("GSM8K-style problems with fresh numbers to avoid contamination", "fresh-numbers", "numeric-retemplating")]
    public void A_modifier_phrase_maps_to_its_transformation(string query, string modifier, string transformation)
    {
        var found = QueryModifiers.Detect(query);

        var match = Assert.Single(found, m => m.Name == modifier);
        Assert.Equal(transformation, match.Transformation);
        Assert.Contains(match.Phrase, query.ToLowerInvariant(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Multi-step arithmetic word problems")]
    [InlineData("least common multiples of periodic events")]
    [InlineData("formatting instructions such as uppercase")]
    [InlineData("relevant facts in a passage")]
    [InlineData("Choose the right tool for an API call")]
    public void Plain_skill_queries_have_no_modifier(string query) => Assert.Empty(QueryModifiers.Detect(query));

    [Fact]
    public void Strip_removes_only_the_modifier_phrases()
    {
        string stripped = QueryModifiers.Strip("Arithmetic word problems as multiple choice with typos");

        Assert.DoesNotContain("multiple", stripped, StringComparison.Ordinal);
        Assert.DoesNotContain("typos", stripped, StringComparison.Ordinal);
        Assert.Contains("arithmetic word problems", stripped, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_modifier_maps_to_a_transformation_that_exists()
    {
        var names = BenchmarkAgent.Transformations.DatasetChains.All.SelectMany(c => c.ChainNames).ToHashSet(StringComparer.Ordinal);

        Assert.All(QueryModifiers.Names, m => Assert.Contains(QueryModifiers.TransformationOf(m), names));
    }
}
