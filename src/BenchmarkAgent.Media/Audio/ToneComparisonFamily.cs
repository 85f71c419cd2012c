using System.Text.RegularExpressions;
using BenchmarkAgent.Families;

namespace BenchmarkAgent.Media.Audio;

/// <summary>
/// A WAV clip of two tones (easy, medium) or three (hard) separated by silences; multiple choice on which tone is higher
/// or lower in pitch, or longer or shorter. The differences shrink with difficulty (pitch ratio 1.5 to 1.12, length
/// ratio 1.8 to 1.3). The checker segments the clip by energy and measures each tone's length and zero-crossing pitch.
/// </summary>
internal sealed partial class ToneComparisonFamily : ITaskFamily
{
    private static readonly string[] Ordinals = ["first", "second", "third"];
    private static readonly string[] Devices = ["a tuning app", "a synthesiser", "a hearing test", "a doorbell", "a music lesson", "a game console", "a signal generator", "a toy piano"];

    /// <inheritdoc />
    public TaskFamilyCard Card => MediaFamilyCards.Tones;

    /// <inheritdoc />
    public FamilySample Generate(ulong seed, Difficulty difficulty)
    {
        var rng = new DeterministicRandom(seed);
        int tones = difficulty == Difficulty.Hard ? 3 : 2;
        double ratio = difficulty switch { Difficulty.Easy => 1.5, Difficulty.Medium => 1.25, _ => 1.12 };
        bool byPitch = difficulty == Difficulty.Easy || rng.Chance(0.5);
        bool most = rng.Chance(0.5);
        int baseFrequency = rng.Between(300, 700);
        int baseLength = rng.Between(250, 400);
        var frequencies = new List<int>();
        var lengths = new List<int>();
        for (int i = 0; i < tones; i++)
        {
            frequencies.Add(byPitch ? (int)Math.Round(baseFrequency * Math.Pow(ratio, i)) : baseFrequency);
            lengths.Add(byPitch ? baseLength : (int)Math.Round(baseLength * Math.Pow(difficulty == Difficulty.Hard ? 1.3 : 1.8, i)));
        }

        var order = rng.Shuffle(Enumerable.Range(0, tones));
        var synth = new ToneSynth().Silence(rng.Between(100, 300));
        foreach (int i in order)
        {
            synth.Tone(lengths[i], 0.5, frequencies[i]).Silence(rng.Between(300, 500));
        }

        // order[k] is the rank of the k-th tone played; the highest or longest has rank tones-1.
        int answer = order.IndexOf(most ? tones - 1 : 0);
        string quality = byPitch ? (most ? "highest in pitch" : "lowest in pitch") : (most ? "longest" : "shortest");
        if (tones == 2)
        {
            quality = byPitch ? (most ? "higher in pitch" : "lower in pitch") : (most ? "longer" : "shorter");
        }

        string question = $"The attached audio clip from {rng.Pick(Devices)} that {rng.Pick(Lexicon.Names)} recorded plays {tones} tones one after another, with pauses between them.\n\nWhich tone is {quality}?";
        // Options in playing order (not shuffled): "A) the first tone" is easier to map than a shuffled list.
        var options = Ordinals.Take(tones).Select(o => $"the {o} tone").ToList();
        var text = new System.Text.StringBuilder(question).Append("\n\n");
        PromptText.AppendChoices(text, options);
        text.Append("\nAnswer with the letter of the correct option.");
        return new FamilySample(text.ToString(), ExpectedAnswer.Choice(answer), options)
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

        var question = Question().Match(sample.Prompt);
        if (!question.Success)
        {
            return CheckResult.Fail("question not recognised");
        }

        int announced = PromptText.ParseInt(question.Groups["n"].Value);
        var tones = AudioAnalysis.Segments(samples, rate);
        if (tones.Count != announced)
        {
            return CheckResult.Fail($"the clip has {tones.Count} tones, the prompt announces {announced}");
        }

        string quality = question.Groups["q"].Value;
        bool pitch = quality.Contains("pitch", StringComparison.Ordinal);
        var measure = tones.Select(t => pitch ? AudioAnalysis.ZeroCrossingFrequency(samples.AsSpan(t.Start, t.Length), rate) : t.Length).ToList();
        bool most = quality.StartsWith("high", StringComparison.Ordinal) || quality.StartsWith("long", StringComparison.Ordinal);
        double best = most ? measure.Max() : measure.Min();
        if (measure.Count(m => Math.Abs(m - best) < best * 0.05) != 1)
        {
            return CheckResult.Fail($"the measured tones ({string.Join(", ", measure.Select(m => m.ToString("F0", System.Globalization.CultureInfo.InvariantCulture)))}) have no clear answer");
        }

        return PromptText.CheckChoice(sample, $"the {Ordinals[measure.IndexOf(best)]} tone");
    }

    [GeneratedRegex(@"plays (?<n>\d+) tones one after another, with pauses between them\.\n\nWhich tone is (?<q>higher in pitch|lower in pitch|highest in pitch|lowest in pitch|longer|shorter|longest|shortest)\?")]
    private static partial Regex Question();
}
