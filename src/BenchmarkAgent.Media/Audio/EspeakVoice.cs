using System.Diagnostics;

namespace BenchmarkAgent.Media.Audio;

/// <summary>
/// One espeak-ng voice setting (voice, words per minute, pitch) and how to say a word with it: espeak-ng runs as a
/// process with an argument list (never a shell), writes WAV to standard output, and the clip is trimmed of leading
/// and trailing near-silence and halved to 11,025 Hz by averaging sample pairs (integer arithmetic only).
/// </summary>
/// <param name="Voice">The espeak-ng voice name.</param>
/// <param name="Description">How the prompt describes the voice.</param>
/// <param name="WordsPerMinute">Speed.</param>
/// <param name="Pitch">Pitch, 0-99.</param>
internal sealed record EspeakVoice(string Voice, string Description, int WordsPerMinute, int Pitch)
{
    /// <summary>The voices the spoken family uses.</summary>
    public static IReadOnlyList<EspeakVoice> All { get; } =
    [
        new("en-us", "an American English voice", 150, 45),
        new("en-gb", "a British English voice", 160, 60),
        new("en-gb-scotland", "a Scottish English voice", 145, 40),
        new("en-gb-x-rp", "a slow, low British voice", 125, 30),
    ];

    /// <summary>The rate of the clips after halving espeak-ng's 22,050 Hz.</summary>
    public const int SampleRate = 11025;

    /// <summary>Says <paramref name="word"/> (plain ASCII letters only) with this voice.</summary>
    /// <exception cref="MediaRenderingException">espeak-ng failed or wrote something that is not a 16-bit mono WAV.</exception>
    public short[] Say(string program, string word)
    {
        if (word.Length == 0 || !word.All(char.IsAsciiLetterLower))
        {
            throw new ArgumentException("Only lowercase ASCII words are spoken.", nameof(word));
        }

        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in new[] { "-v", Voice, "-s", WordsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture), "-p", Pitch.ToString(System.Globalization.CultureInfo.InvariantCulture), "--stdout", word })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new MediaRenderingException($"{program} could not be started.");
        using var buffer = new MemoryStream();
        var stderr = process.StandardError.ReadToEndAsync();
        process.StandardOutput.BaseStream.CopyTo(buffer);
        if (!process.WaitForExit(30_000))
        {
            process.Kill();
            throw new MediaRenderingException($"{program} did not finish within 30 s.");
        }

        if (process.ExitCode != 0 || !WavFile.TryDecode(buffer.ToArray(), out int rate, out short[] samples) || rate != 2 * SampleRate)
        {
            throw new MediaRenderingException($"{program} exited with {process.ExitCode} without a 22,050 Hz 16-bit mono WAV: {stderr.Result.Trim()}");
        }

        // Halving can turn an edge sample into 0; trim exact zeros again so a word starts and ends with sound.
        short[] half = Halve(Trim(samples));
        int first = Array.FindIndex(half, v => v != 0);
        int last = Array.FindLastIndex(half, v => v != 0);
        return first < 0 ? [] : half[first..(last + 1)];
    }

    private static short[] Trim(short[] samples)
    {
        int first = Array.FindIndex(samples, s => Math.Abs((int)s) > 200);
        int last = Array.FindLastIndex(samples, s => Math.Abs((int)s) > 200);
        return first < 0 ? [] : samples[first..(last + 1)];
    }

    private static short[] Halve(short[] samples)
    {
        var half = new short[samples.Length / 2];
        for (int i = 0; i < half.Length; i++)
        {
            half[i] = (short)((samples[2 * i] + samples[(2 * i) + 1]) / 2);
        }

        return half;
    }
}
