using BenchmarkAgent.Families;
using BenchmarkAgent.GeneratorProtocol;
using BenchmarkAgent.Media;

namespace BenchmarkAgent.Generator.Tests;

public sealed class GeneratorFamiliesTests
{
    [Fact]
    public void The_program_generates_with_the_text_families_then_every_media_family_this_machine_can_run()
    {
        var media = MediaTaskFamilies.Create("/usr/bin" + Path.PathSeparator + "/bin");
        var families = GeneratorFamilies.Compose(media);
        Assert.Equal(BuiltInTaskFamilies.All.Select(f => f.Card.Id), families.Take(BuiltInTaskFamilies.All.Count).Select(f => f.Card.Id));
        Assert.Equal(media.Families.Select(f => f.Card.Id), families.Skip(BuiltInTaskFamilies.All.Count).Select(f => f.Card.Id));
        Assert.Equal(families.Count, families.Select(f => f.Card.Id).Distinct().Count());
        Assert.Contains(families, f => f.Card.Id == "bar-chart-reading" && f.Card.MediaKinds.Contains(MediaKind.Image));
        Assert.Contains(families, f => f.Card.Id == "dtmf-digits" && f.Card.MediaKinds.Contains(MediaKind.Audio));
    }

    [Fact]
    public void A_missing_espeak_is_a_BA0600_warning_only_for_a_request_that_asks_for_speech()
    {
        var media = MediaTaskFamilies.Create(Path.Combine(Path.GetTempPath(), "no-espeak-here"));
        Assert.DoesNotContain(media.Families, f => f.Card.Id == MediaFamilyCards.Spoken.Id);

        var speech = Request(("voice", "Transcribe spoken digits, read aloud by a voice"), ("charts", "Bar chart reading"));
        var warning = Assert.Single(GeneratorFamilies.Warnings(media, speech));
        Assert.Equal(ErrorCodes.SpeechSynthesizerMissing, warning.Code);
        Assert.Contains("espeak-ng", warning.Text, StringComparison.Ordinal);
        Assert.Contains("'voice'", warning.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("'charts'", warning.Text, StringComparison.Ordinal);

        Assert.Empty(GeneratorFamilies.Warnings(media, Request(("charts", "Bar chart reading"), ("arith", "Multi-step arithmetic"))));
        Assert.False(GeneratorFamilies.AsksForSpeech("Read the voicemail transcript table"));
        Assert.True(GeneratorFamilies.AsksForSpeech("Spoken-command recognition: (speech)"));
    }

    private static GeneratorRequest Request(params (string Name, string Query)[] benchmarks) => new(
        benchmarks.Select(b => new GeneratorBenchmark(b.Name, b.Query, 5, 1, null, [], "sha256:x", "offline")).ToList(),
        "/tmp/none/Benchmarks",
        "/tmp/none/obj",
        "/tmp/none/test.csproj");
}
