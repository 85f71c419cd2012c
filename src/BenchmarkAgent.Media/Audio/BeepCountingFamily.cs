using System.Text.RegularExpressions;
using BenchmarkAgent.Families;

namespace BenchmarkAgent.Media.Audio;

/// <summary>
/// A WAV clip of short beeps separated by silences; the model counts them. Easy clips have 2-5 even beeps, medium
/// 4-9 beeps with uneven gaps and lengths, hard 5-12 beeps of two pitches of which only the high ones count. The
/// checker finds the beeps by frame energy and tells high from low by zero crossings.
/// </summary>
internal sealed partial class BeepCountingFamily : ITaskFamily
{
    private const int Low = 440;
    private const int High = 1320;
    private static readonly string[] Sources = ["a microwave", "a truck reversing", "a smoke alarm test", "a pager", "a kitchen timer", "a parking sensor", "a heart monitor", "a barcode scanner", "a crosswalk signal", "an alarm clock"];

    /// <inheritdoc />
    public TaskFamilyCard Card => MediaFamilyCards.Beeps;

    /// <inheritdoc />
    public FamilySample Generate(ulong seed, Difficulty difficulty)
    {
        var rng = new DeterministicRandom(seed);
        int count = difficulty switch { Difficulty.Easy => rng.Between(2, 5), Difficulty.Medium => rng.Between(4, 9), _ => rng.Between(5, 12) };
        var synth = new ToneSynth().Silence(rng.Between(100, 400));
        int counted = 0;
        int pitch = rng.Between(600, 1000);
        for (int i = 0; i < count; i++)
        {
            int length = difficulty == Difficulty.Easy ? 150 : rng.Between(80, 260);
            int gap = difficulty == Difficulty.Easy ? 250 : rng.Between(120, 450);
            int frequency = pitch;
            if (difficulty == Difficulty.Hard)
            {
                bool high = rng.Chance(0.5);
                frequency = high ? High : Low;
                counted += high ? 1 : 0;
            }
            else
            {
                counted++;
            }

            synth.Tone(length, 0.3 + (rng.NextDouble() * 0.4), frequency).Silence(gap);
        }

        string who = rng.Pick(Lexicon.Names);
        string source = rng.Pick(Sources);
        string question = difficulty == Difficulty.Hard
            ? $"The attached audio clip, recorded by {who}, is {source} making high beeps ({High} Hz) and low beeps ({Low} Hz).\n\nHow many high beeps are there? Answer with a single number."
            : $"The attached audio clip, recorded by {who}, is {source} beeping.\n\nHow many beeps are there? Answer with a single number.";
        return new FamilySample(question, ExpectedAnswer.Number(counted))
        {
            Media = [FamilyMedia.Wav(Card, synth.ToWav())],
        };
    }

    /// <inheritdoc />
    public CheckResult Check(FamilySample sample)
    {
        ArgumentNullException.ThrowIfNull(sample);
        if (sample.Media.Count != 1 || !WavFile.TryDecode(sample.Media[0].Bytes.Span, out int rate, out short[] samples))
        {
            return CheckResult.Fail("expected one 16-bit PCM mono WAV clip");
        }

        var beeps = AudioAnalysis.Segments(samples, rate);
        if (TwoPitches().Match(sample.Prompt) is { Success: true } pitches)
        {
            double split = (PromptText.ParseInt(pitches.Groups["high"].Value) + PromptText.ParseInt(pitches.Groups["low"].Value)) / 2.0;
            return PromptText.CheckNumber(sample, beeps.Count(b => AudioAnalysis.ZeroCrossingFrequency(samples.AsSpan(b.Start, b.Length), rate) > split));
        }

        return sample.Prompt.Contains("How many beeps are there?", StringComparison.Ordinal)
            ? PromptText.CheckNumber(sample, beeps.Count)
            : CheckResult.Fail("question not recognised");
    }

    [GeneratedRegex(@"making high beeps \((?<high>\d+) Hz\) and low beeps \((?<low>\d+) Hz\)")]
    private static partial Regex TwoPitches();
}
