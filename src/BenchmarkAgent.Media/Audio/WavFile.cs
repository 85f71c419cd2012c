using System.Buffers.Binary;

namespace BenchmarkAgent.Media.Audio;

/// <summary>
/// A 16-bit PCM mono WAV file: the RIFF header and the samples, nothing else (no LIST or timestamp chunks), so the
/// bytes depend only on the samples and the rate. Hand-written rather than NAudio: the format is 44 bytes of header,
/// and NAudio's writer brings a stream and disposal model (and a Windows-centric package set) for no gain here.
/// </summary>
internal static class WavFile
{
    /// <summary>The size of the canonical header.</summary>
    public const int HeaderBytes = 44;

    /// <summary>Encodes <paramref name="samples"/> at <paramref name="sampleRate"/> Hz.</summary>
    public static byte[] Encode(ReadOnlySpan<short> samples, int sampleRate)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(sampleRate, 1000);
        int dataBytes = samples.Length * 2;
        var bytes = new byte[HeaderBytes + dataBytes];
        var span = bytes.AsSpan();
        "RIFF"u8.CopyTo(span);
        BinaryPrimitives.WriteInt32LittleEndian(span[4..], 36 + dataBytes);
        "WAVE"u8.CopyTo(span[8..]);
        "fmt "u8.CopyTo(span[12..]);
        BinaryPrimitives.WriteInt32LittleEndian(span[16..], 16);
        BinaryPrimitives.WriteInt16LittleEndian(span[20..], 1); // PCM
        BinaryPrimitives.WriteInt16LittleEndian(span[22..], 1); // mono
        BinaryPrimitives.WriteInt32LittleEndian(span[24..], sampleRate);
        BinaryPrimitives.WriteInt32LittleEndian(span[28..], sampleRate * 2);
        BinaryPrimitives.WriteInt16LittleEndian(span[32..], 2);
        BinaryPrimitives.WriteInt16LittleEndian(span[34..], 16);
        "data"u8.CopyTo(span[36..]);
        BinaryPrimitives.WriteInt32LittleEndian(span[40..], dataBytes);
        for (int i = 0; i < samples.Length; i++)
        {
            BinaryPrimitives.WriteInt16LittleEndian(span[(HeaderBytes + (2 * i))..], samples[i]);
        }

        return bytes;
    }

    /// <summary>
    /// Reads a 16-bit PCM mono WAV (any chunk order, unknown chunks skipped); false when the bytes are anything else.
    /// </summary>
    public static bool TryDecode(ReadOnlySpan<byte> bytes, out int sampleRate, out short[] samples)
    {
        sampleRate = 0;
        samples = [];
        if (bytes.Length < 12 || !bytes[..4].SequenceEqual("RIFF"u8) || !bytes[8..12].SequenceEqual("WAVE"u8))
        {
            return false;
        }

        bool format = false;
        int offset = 12;
        while (offset + 8 <= bytes.Length)
        {
            var id = bytes.Slice(offset, 4);
            int size = BinaryPrimitives.ReadInt32LittleEndian(bytes[(offset + 4)..]);
            if (size < 0 || offset + 8 + (long)size > bytes.Length)
            {
                // espeak-ng writes 0x7FFFFFFF-ish sizes when it streams to a pipe: take the rest of the file.
                size = bytes.Length - offset - 8;
            }

            var body = bytes.Slice(offset + 8, size);
            if (id.SequenceEqual("fmt "u8))
            {
                if (body.Length < 16 || BinaryPrimitives.ReadInt16LittleEndian(body) != 1 || BinaryPrimitives.ReadInt16LittleEndian(body[2..]) != 1 || BinaryPrimitives.ReadInt16LittleEndian(body[14..]) != 16)
                {
                    return false;
                }

                sampleRate = BinaryPrimitives.ReadInt32LittleEndian(body[4..]);
                format = true;
            }
            else if (id.SequenceEqual("data"u8))
            {
                if (!format)
                {
                    return false;
                }

                samples = new short[body.Length / 2];
                for (int i = 0; i < samples.Length; i++)
                {
                    samples[i] = BinaryPrimitives.ReadInt16LittleEndian(body[(2 * i)..]);
                }

                return sampleRate > 0;
            }

            offset += 8 + size + (size & 1);
        }

        return false;
    }
}
