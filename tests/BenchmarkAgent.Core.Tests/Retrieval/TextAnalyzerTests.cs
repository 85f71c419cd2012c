using BenchmarkAgent.Retrieval;

namespace BenchmarkAgent.Core.Tests.Retrieval;

public sealed class TextAnalyzerTests
{
    [Theory]
    [InlineData("extract", "extraction")]
    [InlineData("convert", "conversion")]
    [InlineData("format", "formatting")]
    [InlineData("schedule", "scheduled")]
    [InlineData("scheduling", "schedules")]
    [InlineData("deduction", "deductive")]
    [InlineData("exact", "exactly")]
    [InlineData("string", "strings")]
    [InlineData("puzzle", "puzzles")]
    [InlineData("translate", "translation")]
    [InlineData("encrypted", "encrypt")]
    [InlineData("shopping", "shop")]
    public void Related_word_forms_share_a_stem(string a, string b) => Assert.Equal(LightStemmer.Stem(a), LightStemmer.Stem(b));

    [Theory]
    [InlineData("class", "class")]
    [InlineData("spell", "spell")]
    [InlineData("sorts", "sort")]
    [InlineData("string", "string")]
    [InlineData("bus", "bus")]
    [InlineData("analysis", "analysis")]
    public void Stems_keep_what_is_not_a_suffix(string word, string stem) => Assert.Equal(stem, LightStemmer.Stem(word));

    [Fact]
    public void Hyphenated_words_count_as_their_parts_and_filler_and_stop_words_are_dropped()
    {
        var terms = TextAnalyzer.Terms("I want to test multi-step problems using the model, e.g. character-level ones");

        Assert.Equal(["multi", "step", "character", "level"], terms);
    }

    [Fact]
    public void Bigrams_join_adjacent_terms()
    {
        Assert.Equal(["day_between", "between_dat"], TextAnalyzer.Bigrams(TextAnalyzer.Terms("days between dates")));
    }
}
