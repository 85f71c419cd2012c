using System.Text.Json;

namespace BenchmarkAgent.Testing.Tests.Media;

/// <summary>One non-text content part of a chat-completions request as it crossed the wire.</summary>
/// <param name="Type">The part's <c>type</c>: <c>image_url</c> or <c>input_audio</c>.</param>
/// <param name="MediaType">For an image, the media type of its data URI; for audio, null.</param>
/// <param name="Format">For audio, the <c>format</c> field (<c>wav</c>, <c>mp3</c>); for an image, null.</param>
/// <param name="Bytes">The decoded bytes.</param>
internal sealed record WirePart(string Type, string? MediaType, string? Format, byte[] Bytes)
{
    /// <summary>The lowercase hex SHA-256 of <see cref="Bytes"/>.</summary>
    public string Sha256 => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Bytes));

    /// <summary>The non-text parts of the last user message of a raw request body, in order.</summary>
    public static IReadOnlyList<WirePart> OfLastUserMessage(string body)
    {
        using var document = JsonDocument.Parse(body);
        var user = document.RootElement.GetProperty("messages").EnumerateArray().Last(m => m.GetProperty("role").GetString() == "user");
        var content = user.GetProperty("content");
        if (content.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        var parts = new List<WirePart>();
        foreach (var part in content.EnumerateArray())
        {
            switch (part.GetProperty("type").GetString())
            {
                case "image_url":
                    string url = part.GetProperty("image_url").GetProperty("url").GetString()!;
                    Assert.StartsWith("data:", url, StringComparison.Ordinal);
                    int comma = url.IndexOf(',', StringComparison.Ordinal);
                    string header = url[5..comma];
                    Assert.EndsWith(";base64", header, StringComparison.Ordinal);
                    parts.Add(new WirePart("image_url", header[..^";base64".Length], null, Convert.FromBase64String(url[(comma + 1)..])));
                    break;
                case "input_audio":
                    var audio = part.GetProperty("input_audio");
                    parts.Add(new WirePart("input_audio", null, audio.GetProperty("format").GetString(), Convert.FromBase64String(audio.GetProperty("data").GetString()!)));
                    break;
                case "text":
                    break;
                default:
                    parts.Add(new WirePart(part.GetProperty("type").GetString()!, null, null, []));
                    break;
            }
        }

        return parts;
    }
}
