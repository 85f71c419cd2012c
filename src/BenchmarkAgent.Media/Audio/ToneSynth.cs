namespace BenchmarkAgent.Media.Audio;

/// <summary>
/// Builds a clip of tones and silences at a fixed rate. The sine is a polynomial of additions and multiplications only
/// (no <see cref="Math.Sin(double)"/>, whose last bit may differ between runtimes and CPUs), so the same script gives
/// the same 16-bit samples everywhere.
/// </summary>
internal sealed class ToneSynth
{
    /// <summary>The rate every synthesised clip uses: telephone quality, enough for tones up to 2 kHz.</summary>
    public const int SampleRate = 8000;

    private readonly List<short> _samples = [];

    /// <summary>The samples so far.</summary>
    public IReadOnlyList<short> Samples => _samples;

    /// <summary>Appends <paramref name="milliseconds"/> of silence (exact zeros).</summary>
    public ToneSynth Silence(int milliseconds)
    {
        _samples.AddRange(Enumerable.Repeat((short)0, milliseconds * SampleRate / 1000));
        return this;
    }

    /// <summary>Appends a tone that is the sum of <paramref name="frequencies"/> (Hz), with 5 ms linear fades in and out.</summary>
    public ToneSynth Tone(int milliseconds, double amplitude, params int[] frequencies)
    {
        int count = milliseconds * SampleRate / 1000;
        int fade = SampleRate / 200;
        double each = amplitude * short.MaxValue / frequencies.Length;
        for (int i = 0; i < count; i++)
        {
            double value = 0;
            foreach (int f in frequencies)
            {
                // Phase in turns, reduced exactly: (i * f) % rate is an integer.
                value += Sine(((long)i * f % SampleRate) / (double)SampleRate);
            }

            double envelope = Math.Min(1.0, Math.Min(i, count - 1 - i) / (double)fade);
            _samples.Add((short)Math.Round(value * each * envelope, MidpointRounding.ToEven));
        }

        return this;
    }

    /// <summary>The finished clip as WAV bytes.</summary>
    public byte[] ToWav() => WavFile.Encode(_samples.ToArray(), SampleRate);

    /// <summary>sin(2π·<paramref name="turns"/>) for turns in [0, 1), by an odd Taylor polynomial on [-π/2, π/2].</summary>
    public static double Sine(double turns)
    {
        // Fold into [-0.25, 0.25] turns using the sine's symmetries.
        double t = turns < 0.5 ? turns : turns - 1.0;          // [-0.5, 0.5)
        if (t > 0.25)
        {
            t = 0.5 - t;
        }
        else if (t < -0.25)
        {
            t = -0.5 - t;
        }

        double x = t * 6.283185307179586;
        double x2 = x * x;
        return x * (1 - (x2 / 6 * (1 - (x2 / 20 * (1 - (x2 / 42 * (1 - (x2 / 72 * (1 - (x2 / 110))))))))));
    }
}
