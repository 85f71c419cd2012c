using System.Text;
using System.Text.RegularExpressions;
using BenchmarkAgent.Families;

namespace BenchmarkAgent.Media.Audio;

/// <summary>
/// A WAV clip of telephone keypad tones (DTMF: one row and one column frequency per key); the model writes the keys
/// pressed. Easy clips have 3 digits with long tones, medium 5-6, hard 8-10 keys including * and # with short tones and
/// gaps. The checker segments the clip and decodes each tone with the Goertzel algorithm over the eight DTMF
/// frequencies.
/// </summary>
internal sealed partial class DtmfFamily : ITaskFamily
{
    private static readonly int[] RowFrequencies = [697, 770, 852, 941];
    private static readonly int[] ColumnFrequencies = [1209, 1336, 1477];
    private static readonly string[] Keypad = ["123", "456", "789", "*0#"];
    private static readonly string[] Reasons = ["calls a pharmacy", "enters a door code", "dials a hotel room", "checks voicemail", "joins a conference call", "types a PIN", "calls a taxi", "orders a pizza"];

    /// <inheritdoc />
    public TaskFamilyCard Card => MediaFamilyCards.Dtmf;

    /// <inheritdoc />
    public FamilySample Generate(ulong seed, Difficulty difficulty)
    {
        var rng = new DeterministicRandom(seed);
        int count = difficulty switch { Difficulty.Easy => 3, Difficulty.Medium => rng.Between(5, 6), _ => rng.Between(8, 10) };
        string keys = difficulty == Difficulty.Hard ? "0123456789*#" : "0123456789";
        var pressed = new StringBuilder();
        var synth = new ToneSynth().Silence(rng.Between(100, 300));
        for (int i = 0; i < count; i++)
        {
            char key = keys[rng.Next(keys.Length)];
            pressed.Append(key);
            int row = Array.FindIndex(Keypad, r => r.Contains(key, StringComparison.Ordinal));
            int column = Keypad[row].IndexOf(key, StringComparison.Ordinal);
            int length = difficulty switch { Difficulty.Easy => 250, Difficulty.Medium => rng.Between(150, 220), _ => rng.Between(70, 120) };
            int gap = difficulty switch { Difficulty.Easy => 250, Difficulty.Medium => rng.Between(120, 200), _ => rng.Between(60, 110) };
            synth.Tone(length, 0.6, RowFrequencies[row], ColumnFrequencies[column]).Silence(gap);
        }

        string symbols = difficulty == Difficulty.Hard ? " (digits, * or #)" : string.Empty;
        string prompt = $"The attached audio clip is {PromptText.Num(count)} telephone keypad (DTMF) tones: {rng.Pick(Lexicon.Names)} {rng.Pick(Reasons)}.\n\nWhich keys{symbols} were pressed, in order? Answer with the keys only, without spaces (for example 5170).";
        return new FamilySample(prompt, ExpectedAnswer.Text(pressed.ToString()))
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

        var announced = Count().Match(sample.Prompt);
        var tones = AudioAnalysis.Segments(samples, rate, minGapMs: 30);
        if (!announced.Success || PromptText.ParseInt(announced.Groups["n"].Value) != tones.Count)
        {
            return CheckResult.Fail($"the clip has {tones.Count} tones, the prompt announces {announced.Groups["n"].Value}");
        }

        var decoded = new StringBuilder();
        foreach (var tone in tones)
        {
            var piece = new ArraySegment<short>(samples, tone.Start, tone.Length);
            var rows = RowFrequencies.Select(f => AudioAnalysis.Goertzel(piece, rate, f)).ToList();
            var columns = ColumnFrequencies.Append(1633).Select(f => AudioAnalysis.Goertzel(piece, rate, f)).ToList();
            int row = rows.IndexOf(rows.Max()), column = columns.IndexOf(columns.Max());
            if (column == 3 || rows.Count(p => p > rows[row] * 0.2) != 1 || columns.Count(p => p > columns[column] * 0.2) != 1)
            {
                return CheckResult.Fail("a tone is not a single DTMF key");
            }

            decoded.Append(Keypad[row][column]);
        }

        return PromptText.CheckText(sample, decoded.ToString());
    }

    [GeneratedRegex(@"^The attached audio clip is (?<n>\d+) telephone keypad \(DTMF\) tones")]
    private static partial Regex Count();
}
