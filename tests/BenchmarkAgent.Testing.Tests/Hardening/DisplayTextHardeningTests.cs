using BenchmarkAgent.Testing.TestCases;

namespace BenchmarkAgent.Testing.Tests.Hardening;

/// <summary>Issue 16: ids in test names and output are shown escaped, never as raw control or bidirectional characters.</summary>
public sealed class DisplayTextHardeningTests
{
    [Theory]
    [InlineData("bench/sub/evil\u202Etxt", "bench/sub/evil\\u202Etxt")]
    [InlineData("id\0x", "id\\u0000x")]
    [InlineData("a\u2028b", "a\\u2028b")]
    [InlineData("bench/sub/4665ffb23e", "bench/sub/4665ffb23e")]
    public void Control_and_bidi_characters_are_escaped_and_ordinary_text_is_unchanged(string raw, string shown) =>
        Assert.Equal(shown, DisplayText.Escape(raw));
}
