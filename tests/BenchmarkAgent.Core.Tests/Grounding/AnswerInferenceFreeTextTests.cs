using BenchmarkAgent.Grounding;
using BenchmarkAgent.Snapshots;

namespace BenchmarkAgent.Core.Tests.Grounding;

public sealed class AnswerInferenceFreeTextTests
{
    [Fact]
    public void Long_multi_sentence_outputs_are_inferred_as_free_text()
    {
        string[] outputs =
        [
            "Photosynthesis turns light into chemical energy. Plants store that energy as sugar for later use.",
            "The treaty ended the war in 1648. It also reshaped the borders of many European states at once.",
        ];

        Assert.Equal(AnswerType.FreeText, AnswerInference.InferType(outputs));
    }

    [Theory]
    [InlineData("A short phrase that is not two sentences at all and has many words")]
    [InlineData("Too short. Two sentences.")]
    public void Outputs_missing_sentences_or_words_stay_short_text(string output) =>
        Assert.Equal(AnswerType.ShortText, AnswerInference.InferType([output, output]));

    [Theory]
    [InlineData(AnswerType.Pattern, "pattern")]
    [InlineData(AnswerType.FreeText, "freetext")]
    public void New_answer_types_have_stable_snapshot_names(AnswerType type, string name)
    {
        Assert.Equal(name, SnapshotNames.AnswerType(type));
        Assert.True(SnapshotNames.TryParseAnswerType(name, out var parsed));
        Assert.Equal(type, parsed);
    }
}
