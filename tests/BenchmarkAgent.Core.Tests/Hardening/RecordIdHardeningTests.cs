using BenchmarkAgent.Items;

namespace BenchmarkAgent.Core.Tests.Hardening;

/// <summary>Issue 16, weaker finding: raw dataset ids with <c>../</c>, NUL or right-to-left marks were accepted and printed as they were.</summary>
public sealed class RecordIdHardeningTests
{
    [Theory]
    [InlineData("../../etc/passwd", "..%2F..%2Fetc%2Fpasswd")]
    [InlineData("a\\b", "a%5Cb")]
    [InlineData("nul\0here", "nul%00here")]
    [InlineData("evil\u202Etxt.exe", "evil%E2%80%AEtxt.exe")]
    [InlineData("line\nbreak", "line%0Abreak")]
    [InlineData("100%", "100%25")]
    public void Raw_ids_with_separators_control_or_bidi_characters_are_percent_encoded(string raw, string expected)
    {
        string normalised = RecordIds.Normalise(raw);

        Assert.Equal(expected, normalised);
        Assert.DoesNotContain(normalised, c => c is '/' or '\\' || char.IsControl(c) || System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format);
    }

    [Theory]
    [InlineData("gsm8k-0001")]
    [InlineData("Frage_ä_12")]
    [InlineData("问题-7")]
    [InlineData("a#b c.d")]
    public void Ordinary_ids_are_unchanged_so_existing_snapshots_keep_their_bytes(string raw) =>
        Assert.Equal(raw, RecordIds.Normalise(raw));

    [Fact]
    public void The_mapping_is_injective_on_tricky_pairs_and_long_ids_are_capped_with_a_hash()
    {
        Assert.NotEqual(RecordIds.Normalise("a/b"), RecordIds.Normalise("a%2Fb"));
        Assert.NotEqual(RecordIds.Normalise("\ud800"), RecordIds.Normalise("\ufffd"));
        string a = RecordIds.Normalise(new string('x', 10_000) + "a");
        string b = RecordIds.Normalise(new string('x', 10_000) + "b");
        Assert.Equal(RecordIds.MaxLength, a.Length);
        Assert.NotEqual(a, b);
    }
}
