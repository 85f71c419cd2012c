using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace BenchmarkAgent.Testing.Tests.Media;

/// <summary>Small real media for tests: an RGB PNG encoder and decoder (8-bit, no interlace) and a PCM WAV tone.</summary>
internal static class TinyMedia
{
    private static readonly uint[] CrcTable = Enumerable.Range(0, 256).Select(n =>
    {
        uint c = (uint)n;
        for (int k = 0; k < 8; k++)
        {
            c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        }

        return c;
    }).ToArray();

    /// <summary>A PNG of <paramref name="width"/> x <paramref name="height"/> whose pixel (x, y) is <paramref name="color"/>(x, y).</summary>
    public static byte[] Png(int width, int height, Func<int, int, (byte R, byte G, byte B)> color)
    {
        var raw = new MemoryStream();
        for (int y = 0; y < height; y++)
        {
            raw.WriteByte(0); // filter: none
            for (int x = 0; x < width; x++)
            {
                var (r, g, b) = color(x, y);
                raw.WriteByte(r);
                raw.WriteByte(g);
                raw.WriteByte(b);
            }
        }

        var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            raw.Position = 0;
            raw.CopyTo(zlib);
        }

        var png = new MemoryStream();
        png.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        byte[] header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bit depth
        header[9] = 2; // RGB
        Chunk(png, "IHDR", header);
        Chunk(png, "IDAT", compressed.ToArray());
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    /// <summary>A PNG split in two colours: left half <paramref name="left"/>, right half <paramref name="right"/>.</summary>
    public static byte[] TwoColourPng(int width, int height, (byte, byte, byte) left, (byte, byte, byte) right) =>
        Png(width, height, (x, _) => x < width / 2 ? left : right);

    /// <summary>Decodes an 8-bit RGB or RGBA, non-interlaced PNG (as Chromium's screenshots are) to RGB rows.</summary>
    public static (int Width, int Height, Func<int, int, (byte R, byte G, byte B)> Pixel) Decode(byte[] png)
    {
        int width = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16));
        int height = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20));
        byte depth = png[24];
        byte type = png[25];
        if (depth != 8 || type is not (2 or 6) || png[28] != 0)
        {
            throw new NotSupportedException($"PNG bit depth {depth}, colour type {type}, interlace {png[28]} is not supported by the test decoder.");
        }

        int channels = type == 6 ? 4 : 3;
        var data = new MemoryStream();
        int offset = 8;
        while (offset < png.Length)
        {
            int length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(offset));
            string name = Encoding.ASCII.GetString(png, offset + 4, 4);
            if (name == "IDAT")
            {
                data.Write(png, offset + 8, length);
            }

            offset += 12 + length;
        }

        data.Position = 0;
        var inflated = new MemoryStream();
        using (var zlib = new ZLibStream(data, CompressionMode.Decompress))
        {
            zlib.CopyTo(inflated);
        }

        byte[] bytes = inflated.ToArray();
        int stride = width * channels;
        byte[] pixels = new byte[height * stride];
        for (int y = 0; y < height; y++)
        {
            byte filter = bytes[y * (stride + 1)];
            for (int i = 0; i < stride; i++)
            {
                int a = i >= channels ? pixels[(y * stride) + i - channels] : 0;
                int b = y > 0 ? pixels[((y - 1) * stride) + i] : 0;
                int c = i >= channels && y > 0 ? pixels[((y - 1) * stride) + i - channels] : 0;
                int value = bytes[(y * (stride + 1)) + 1 + i];
                value += filter switch
                {
                    0 => 0,
                    1 => a,
                    2 => b,
                    3 => (a + b) / 2,
                    4 => Paeth(a, b, c),
                    _ => throw new NotSupportedException($"PNG filter {filter}"),
                };
                pixels[(y * stride) + i] = (byte)value;
            }
        }

        return (width, height, (x, y) =>
        {
            int at = (y * stride) + (x * channels);
            return (pixels[at], pixels[at + 1], pixels[at + 2]);
        });
    }

    /// <summary>A 16-bit mono PCM WAV of <paramref name="milliseconds"/> of a sine tone.</summary>
    public static byte[] Wav(double frequency, int milliseconds, int sampleRate = 8000)
    {
        int samples = sampleRate * milliseconds / 1000;
        var wav = new MemoryStream();
        var writer = new BinaryWriter(wav);
        writer.Write(Encoding.ASCII.GetBytes("RIFF"));
        writer.Write(36 + (samples * 2));
        writer.Write(Encoding.ASCII.GetBytes("WAVEfmt "));
        writer.Write(16);
        writer.Write((short)1);
        writer.Write((short)1);
        writer.Write(sampleRate);
        writer.Write(sampleRate * 2);
        writer.Write((short)2);
        writer.Write((short)16);
        writer.Write(Encoding.ASCII.GetBytes("data"));
        writer.Write(samples * 2);
        for (int i = 0; i < samples; i++)
        {
            writer.Write((short)(Math.Sin(2 * Math.PI * frequency * i / sampleRate) * 12000));
        }

        writer.Flush();
        return wav.ToArray();
    }

    private static int Paeth(int a, int b, int c)
    {
        int p = a + b - c;
        int pa = Math.Abs(p - a);
        int pb = Math.Abs(p - b);
        int pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }

    private static void Chunk(Stream png, string name, byte[] data)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        png.Write(length);
        byte[] typeAndData = [.. Encoding.ASCII.GetBytes(name), .. data];
        png.Write(typeAndData);
        uint crc = 0xFFFFFFFFu;
        foreach (byte b in typeAndData)
        {
            crc = CrcTable[(crc ^ b) & 0xFF] ^ (crc >> 8);
        }

        BinaryPrimitives.WriteUInt32BigEndian(length, crc ^ 0xFFFFFFFFu);
        png.Write(length);
    }
}
