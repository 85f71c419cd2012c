namespace BenchmarkAgent.Media.Audio;

/// <summary>A stretch of sound between silences.</summary>
/// <param name="Start">First sample.</param>
/// <param name="Length">Number of samples.</param>
internal sealed record AudioSegment(int Start, int Length);

/// <summary>
/// Measurements the audio checkers take from decoded samples only: where the sounds are, how long, what pitch (by
/// zero crossings) and how much energy a frequency has (Goertzel).
/// </summary>
internal static class AudioAnalysis
{
    /// <summary>
    /// The sounds of a clip: runs of 10 ms frames whose mean absolute amplitude is above <paramref name="threshold"/>,
    /// where gaps shorter than <paramref name="minGapMs"/> do not split a sound.
    /// </summary>
    public static List<AudioSegment> Segments(ReadOnlySpan<short> samples, int sampleRate, double threshold = 300, int minGapMs = 40)
    {
        int frame = sampleRate / 100;
        var loud = new List<bool>();
        for (int start = 0; start + frame <= samples.Length; start += frame)
        {
            long sum = 0;
            foreach (short s in samples.Slice(start, frame))
            {
                sum += Math.Abs((int)s);
            }

            loud.Add(sum / (double)frame > threshold);
        }

        var segments = new List<AudioSegment>();
        int minGap = Math.Max(1, minGapMs / 10);
        int i = 0;
        while (i < loud.Count)
        {
            if (!loud[i])
            {
                i++;
                continue;
            }

            int first = i, last = i;
            int quiet = 0;
            for (i++; i < loud.Count; i++)
            {
                if (loud[i])
                {
                    last = i;
                    quiet = 0;
                }
                else if (++quiet >= minGap)
                {
                    break;
                }
            }

            segments.Add(new AudioSegment(first * frame, (last - first + 1) * frame));
        }

        return segments;
    }

    /// <summary>The frequency (Hz) of a tone, from the zero crossings of its middle half.</summary>
    public static double ZeroCrossingFrequency(ReadOnlySpan<short> samples, int sampleRate)
    {
        var middle = samples.Slice(samples.Length / 4, samples.Length / 2);
        int crossings = 0;
        for (int i = 1; i < middle.Length; i++)
        {
            if ((middle[i - 1] < 0) != (middle[i] < 0))
            {
                crossings++;
            }
        }

        return crossings * sampleRate / (2.0 * middle.Length);
    }

    /// <summary>The power of <paramref name="frequency"/> in <paramref name="samples"/> by the Goertzel algorithm.</summary>
    public static double Goertzel(IEnumerable<short> samples, int sampleRate, double frequency)
    {
        double coefficient = 2 * Math.Cos(2 * Math.PI * frequency / sampleRate);
        double previous = 0, beforePrevious = 0;
        foreach (short s in samples)
        {
            double current = s + (coefficient * previous) - beforePrevious;
            beforePrevious = previous;
            previous = current;
        }

        return (previous * previous) + (beforePrevious * beforePrevious) - (coefficient * previous * beforePrevious);
    }
}
