using System.Collections.Concurrent;
using System.Text;
using System.Text.RegularExpressions;
using BenchmarkAgent.Families;

namespace BenchmarkAgent.Media.Audio;

/// <summary>
/// A WAV clip of a digit sequence spoken by espeak-ng in one of four voices (3 digits easy, 5 medium, 7 hard with
/// shorter pauses); the model transcribes it. Each digit word is synthesised on its own and the words are joined with
/// exact silence, so the clip depends only on espeak-ng's output for ten words. The checker splits the clip at its
/// silences and matches each piece against the ten digit words it synthesises itself in the voice the prompt names.
/// Offered only where espeak-ng is installed (BA0600 otherwise). Its bytes are identical wherever the same espeak-ng
/// version and data are installed (verified: two runs give the same bytes); another espeak-ng version may speak
/// differently, which changes the media of new items, never the snapshot's committed files.
/// </summary>
internal sealed partial class SpokenDigitsFamily : ITaskFamily
{
    private static readonly string[] Words = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"];
    private readonly string _program;
    private readonly ConcurrentDictionary<(EspeakVoice Voice, int Digit), short[]> _words = new();

    /// <summary>Creates the family over the espeak-ng program at <paramref name="program"/>.</summary>
    public SpokenDigitsFamily(string program) => _program = program;

    /// <inheritdoc />
    public TaskFamilyCard Card => MediaFamilyCards.Spoken;

    /// <inheritdoc />
    public FamilySample Generate(ulong seed, Difficulty difficulty)
    {
        var rng = new DeterministicRandom(seed);
        var voice = rng.Pick(EspeakVoice.All);
        int count = difficulty switch { Difficulty.Easy => 3, Difficulty.Medium => 5, _ => 7 };
        int pause = difficulty == Difficulty.Hard ? 250 : 400;
        var digits = new StringBuilder();
        var samples = new List<short>(Silence(200));
        for (int i = 0; i < count; i++)
        {
            int digit = rng.Next(10);
            digits.Append((char)('0' + digit));
            samples.AddRange(Word(voice, digit));
            samples.AddRange(Silence(pause + rng.Between(0, 150)));
        }

        string prompt = $"The attached audio clip is {voice.Description} reading out {PromptText.Num(count)} digits of {rng.Pick(Lexicon.Names)}'s {rng.Pick(new[] { "booking code", "phone extension", "locker number", "order number", "account number", "ticket number" })}.\n\nWhich digits are spoken, in order? Answer with the digits only, without spaces (for example 4071).";
        return new FamilySample(prompt, ExpectedAnswer.Text(digits.ToString()))
        {
            Media = [FamilyMedia.Wav(Card, WavFile.Encode(samples.ToArray(), EspeakVoice.SampleRate))],
        };
    }

    /// <inheritdoc />
    public CheckResult Check(FamilySample sample)
    {
        ArgumentNullException.ThrowIfNull(sample);
        if (sample.Media.Count != 1 || !WavFile.TryDecode(sample.Media[0].Bytes.Span, out int rate, out short[] samples) || rate != EspeakVoice.SampleRate)
        {
            return CheckResult.Fail("expected one 11,025 Hz 16-bit PCM mono WAV clip");
        }

        var intro = Intro().Match(sample.Prompt);
        var voice = EspeakVoice.All.FirstOrDefault(v => v.Description == intro.Groups["voice"].Value);
        if (!intro.Success || voice is null)
        {
            return CheckResult.Fail("voice not recognised");
        }

        var pieces = SplitAtSilence(samples, rate * 150 / 1000);
        if (pieces.Count != PromptText.ParseInt(intro.Groups["n"].Value))
        {
            return CheckResult.Fail($"the clip has {pieces.Count} spoken words, the prompt announces {intro.Groups["n"].Value}");
        }

        var heard = new StringBuilder();
        foreach (var piece in pieces)
        {
            int digit = Enumerable.Range(0, 10).FirstOrDefault(d => Word(voice, d).AsSpan().SequenceEqual(piece), -1);
            if (digit < 0)
            {
                return CheckResult.Fail("a spoken word is not one of the ten digit words in that voice");
            }

            heard.Append((char)('0' + digit));
        }

        return PromptText.CheckText(sample, heard.ToString());
    }

    private static short[] Silence(int milliseconds) => new short[milliseconds * EspeakVoice.SampleRate / 1000];

    /// <summary>The stretches between runs of at least <paramref name="minZeros"/> exact-zero samples, with the run's zeros removed.</summary>
    private static List<short[]> SplitAtSilence(short[] samples, int minZeros)
    {
        var pieces = new List<short[]>();
        int i = 0;
        while (i < samples.Length)
        {
            while (i < samples.Length && samples[i] == 0)
            {
                i++;
            }

            if (i >= samples.Length)
            {
                break;
            }

            int start = i, zeros = 0, end = i;
            for (; i < samples.Length && zeros < minZeros; i++)
            {
                if (samples[i] == 0)
                {
                    zeros++;
                }
                else
                {
                    zeros = 0;
                    end = i;
                }
            }

            pieces.Add(samples[start..(end + 1)]);
        }

        return pieces;
    }

    private short[] Word(EspeakVoice voice, int digit) => _words.GetOrAdd((voice, digit), key => key.Voice.Say(_program, Words[key.Digit]));

    [GeneratedRegex(@"^The attached audio clip is (?<voice>.+?) reading out (?<n>\d+) digits of ")]
    private static partial Regex Intro();
}
