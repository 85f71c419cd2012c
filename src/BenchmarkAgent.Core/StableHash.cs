using System.Security.Cryptography;
using System.Text;

namespace BenchmarkAgent;

/// <summary>Hashes that never change across processes, machines or runtime versions (unlike <see cref="string.GetHashCode()"/>).</summary>
internal static class StableHash
{
    /// <summary>Derives a 64-bit seed from parts, e.g. (benchmark seed, subtask, index, attempt).</summary>
    public static ulong Seed(params object[] parts) => BitConverter.ToUInt64(Digest(parts), 0);

    /// <summary>Returns a lowercase hex SHA-256 digest of the parts, truncated to <paramref name="hexLength"/> characters.</summary>
    public static string Hex(int hexLength, params object[] parts) =>
        Convert.ToHexStringLower(Digest(parts))[..hexLength];

    /// <summary>Returns the full lowercase hex SHA-256 of a text.</summary>
    public static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static byte[] Digest(object[] parts)
    {
        var builder = new StringBuilder();
        foreach (var part in parts)
        {
            string text = Convert.ToString(part, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty;
            // Length-prefix every part so ("ab","c") and ("a","bc") differ.
            builder.Append(text.Length).Append(':').Append(text).Append('|');
        }

        return SHA256.HashData(Encoding.UTF8.GetBytes(builder.ToString()));
    }
}
