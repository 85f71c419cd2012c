using BenchmarkAgent.Items;
using BenchmarkAgent.Media;
using BenchmarkAgent.Testing.Media;
using BenchmarkAgent.Testing.Settings;

namespace BenchmarkAgent.Testing.Tests.Media;

/// <summary>The modality rules: which inputs an item needs, how a list is parsed, and BA2070 for a wrong variable.</summary>
public sealed class ItemModalitiesTests
{
    [Theory]
    [InlineData("text", InputModalities.TextOnly)]
    [InlineData("text,image", InputModalities.Image)]
    [InlineData("IMAGE", InputModalities.Image)]
    [InlineData(" audio ; text ", InputModalities.Audio)]
    [InlineData("text+image+audio", InputModalities.Image | InputModalities.Audio)]
    [InlineData("images audio", InputModalities.Image | InputModalities.Audio)]
    public void A_list_of_modalities_parses(string text, InputModalities expected)
    {
        Assert.True(ItemModalities.TryParse(text, out var modalities));
        Assert.Equal(expected, modalities);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" , ")]
    [InlineData("video")]
    [InlineData("text,image,vision")]
    [InlineData("none")]
    [InlineData("image=1")]
    public void Anything_else_is_refused(string text)
    {
        Assert.False(ItemModalities.TryParse(text, out var modalities));
        Assert.Equal(InputModalities.TextOnly, modalities);
    }

    [Fact]
    public void A_wrong_variable_is_BA2070_naming_it_the_value_and_an_example_and_an_unset_one_keeps_the_defaults()
    {
        var settings = RunSettingsReader.Read(n => n switch
        {
            RunSettingsReader.SubjectModalitiesVariable => "text,<video>",
            RunSettingsReader.JudgeModalitiesVariable => "image",
            _ => null,
        });

        var error = Assert.Single(settings.Errors);
        Assert.Equal("BA2070", error.Code);
        Assert.Equal(RunSettingsReader.SubjectModalitiesVariable, error.Variable);
        Assert.Contains("it is 'text,<video>'", error.Message, StringComparison.Ordinal);
        Assert.Contains("e.g. text,image,audio", error.Message, StringComparison.Ordinal);
        Assert.Null(settings.SubjectModalities);
        Assert.Equal(InputModalities.Image, settings.JudgeModalities);

        var unset = RunSettingsReader.Read(_ => null);
        Assert.Empty(unset.Errors);
        Assert.Null(unset.SubjectModalities);
        Assert.Equal(InputModalities.TextOnly, unset.JudgeModalities);
    }

    [Fact]
    public void An_item_needs_the_kinds_of_its_media_and_misses_only_what_is_not_declared()
    {
        var image = new MediaReference(MediaKind.Image, MediaTypes.Png, "media/0123456789abcdef.png", new string('a', 64), 10);
        var audio = new MediaReference(MediaKind.Audio, MediaTypes.Mp3, "media/0123456789abcdef.mp3", new string('b', 64), 10);
        var text = TestItems.Number("1");
        var both = text with { Media = [image, audio, image] };

        Assert.Equal(InputModalities.TextOnly, ItemModalities.Required(text));
        Assert.Equal(InputModalities.Image | InputModalities.Audio, ItemModalities.Required(both));
        Assert.Equal(InputModalities.Audio, ItemModalities.Missing(both, InputModalities.Image));
        Assert.Equal(InputModalities.TextOnly, ItemModalities.Missing(both, InputModalities.Image | InputModalities.Audio));
        Assert.Null(ModalitySkip.Reason(text, "s", InputModalities.TextOnly));
        Assert.Null(ModalitySkip.Reason(both, "s", InputModalities.Image | InputModalities.Audio));
        Assert.Equal("text,image,audio", ItemModalities.Describe(InputModalities.Audio | InputModalities.Image));
    }
}
