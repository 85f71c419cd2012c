using BenchmarkAgent.Media;

namespace BenchmarkAgent.Core.Tests.Media;

/// <summary>Media types come from a file's bytes, never its name; the media budget parses only sane byte counts.</summary>
public sealed class MediaSnifferAndBudgetTests
{
    public static TheoryData<string, byte[], string?> Headers => new()
    {
        { "png", TestMedia.Png(3, 3), MediaTypes.Png },
        { "jpeg", [0xFF, 0xD8, 0xFF, 0xE0, 0, 16, (byte)'J', (byte)'F', (byte)'I', (byte)'F'], MediaTypes.Jpeg },
        { "gif89a", "GIF89a\x01\x00"u8.ToArray(), MediaTypes.Gif },
        { "gif87a", "GIF87a\x01\x00"u8.ToArray(), MediaTypes.Gif },
        { "webp", "RIFF\x10\x00\x00\x00WEBPVP8 "u8.ToArray(), MediaTypes.Webp },
        { "wav", TestMedia.Wav(8), MediaTypes.Wav },
        { "mp3-id3", "ID3\x04\x00\x00\x00\x00\x00\x00"u8.ToArray(), MediaTypes.Mp3 },
        { "mp3-frame", [0xFF, 0xFB, 0x90, 0x64, 0, 0], MediaTypes.Mp3 },
        { "text named png", "this is not an image\n"u8.ToArray(), null },
        { "riff avi", "RIFF\x10\x00\x00\x00AVI LIST"u8.ToArray(), null },
        { "truncated png", [0x89, (byte)'P', (byte)'N', (byte)'G'], null },
        { "empty", [], null },
        { "html", "<html><img src=x>"u8.ToArray(), null },
    };

    [Theory]
    [MemberData(nameof(Headers))]
    public void The_type_is_read_from_the_magic_bytes(string name, byte[] bytes, string? expected)
    {
        bool found = MediaSniffer.TryDetect(bytes, out string type);

        Assert.True(found == expected is not null, name);
        Assert.Equal(expected ?? string.Empty, type);
    }

    [Theory]
    [InlineData(null, null, MediaBudget.DefaultFileBytes, MediaBudget.DefaultBenchmarkBytes)]
    [InlineData("", "  ", MediaBudget.DefaultFileBytes, MediaBudget.DefaultBenchmarkBytes)]
    [InlineData("2097152", "", 2097152L, MediaBudget.DefaultBenchmarkBytes)]
    [InlineData(" 100 ", "1000", 100L, 1000L)]
    [InlineData("1073741824", "1073741824", 1073741824L, 1073741824L)]
    public void Valid_budgets_parse(string? file, string? total, long expectedFile, long expectedTotal)
    {
        var budget = MediaBudget.TryParse(file, total, out string error);

        Assert.NotNull(budget);
        Assert.Equal((expectedFile, expectedTotal), (budget.MaxFileBytes, budget.MaxBenchmarkBytes));
        Assert.Empty(error);
    }

    [Theory]
    [InlineData("0", "")]
    [InlineData("-1", "")]
    [InlineData("2MB", "")]
    [InlineData("1e6", "")]
    [InlineData("", "1073741825")]
    [InlineData("", "99999999999999999999999")]
    [InlineData("2000", "1000")]
    [InlineData("12\u202e34", "")]
    public void Invalid_budgets_are_refused_with_a_message_saying_what_to_write(string file, string total)
    {
        var budget = MediaBudget.TryParse(file, total, out string error);

        Assert.Null(budget);
        Assert.Contains("BenchmarkAgentMaxMedia", error, StringComparison.Ordinal);
        Assert.DoesNotContain("\u202e", error, StringComparison.Ordinal);
    }
}
