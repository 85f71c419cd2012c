using System.Text.Json;
using BenchmarkAgent.Generation.Calls;
using BenchmarkAgent.Generation.Json;

namespace BenchmarkAgent.Generation.Tests.Json;

public sealed class TolerantJsonTests
{
    public static TheoryData<string, string> Readable => new()
    {
        { "plain object", """{"a": 1, "b": "x"}""" },
        { "fenced json", "```json\n{\"a\": 1, \"b\": \"x\"}\n```" },
        { "fenced without language", "Here you go:\n```\n{\"a\": 1, \"b\": \"x\"}\n```\nThanks." },
        { "leading prose", "Sure! The result is {\"a\": 1, \"b\": \"x\"} as requested." },
        { "trailing commas", "{\"a\": 1, \"b\": \"x\",}" },
        { "single-quoted keys and strings", "{'a': 1, 'b': 'x'}" },
        { "unquoted keys", "{a: 1, b: \"x\"}" },
        { "comments", "{\n  // the count\n  \"a\": 1, /* text */ \"b\": \"x\"\n}" },
        { "typographic quotes", "{\u201Ca\u201D: 1, \u201Cb\u201D: \u201Cx\u201D}" },
        { "python literals", "{'a': 1, 'b': 'x', 'c': True, 'd': None}" },
        { "fence after a broken first brace", "I think {oops\n```json\n{\"a\": 1, \"b\": \"x\"}\n```" },
        { "unclosed fence", "```json\n{\"a\": 1, \"b\": \"x\"}" },
    };

    [Theory]
    [MemberData(nameof(Readable))]
    public void Reads_near_json_replies(string label, string text)
    {
        Assert.True(TolerantJson.TryParse(text, out var value, out string? error), $"{label}: {error}");
        Assert.Equal(1, value.GetProperty("a").GetInt32());
        Assert.Equal("x", value.GetProperty("b").GetString());
    }

    [Fact]
    public void Keeps_braces_and_quotes_inside_strings()
    {
        Assert.True(TolerantJson.TryParse("Result: {\"q\": \"What is {x} in 'f(x)'?\", \"n\": 2} done", out var value, out _));
        Assert.Equal("What is {x} in 'f(x)'?", value.GetProperty("q").GetString());
    }

    [Fact]
    public void Escapes_raw_line_breaks_inside_strings()
    {
        Assert.True(TolerantJson.TryParse("{\"context\": \"line one\nline two\", \"n\": 1}", out var value, out _));
        Assert.Equal("line one\nline two", value.GetProperty("context").GetString());
    }

    [Fact]
    public void Single_quoted_string_may_hold_double_quotes_and_escaped_apostrophes()
    {
        Assert.True(TolerantJson.TryParse("{'q': 'He said \"hi\" and didn\\'t stop'}", out var value, out _));
        Assert.Equal("He said \"hi\" and didn't stop", value.GetProperty("q").GetString());
    }

    [Fact]
    public void Reads_a_top_level_array()
    {
        Assert.True(TolerantJson.TryParse("The list: [1, 2, 3,]", out var value, out _));
        Assert.Equal(JsonValueKind.Array, value.ValueKind);
        Assert.Equal(3, value.GetArrayLength());
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("I can't help with that.")]
    [InlineData("{\"a\": ")]
    [InlineData("no json here at all")]
    public void Reports_unreadable_replies(string text)
    {
        Assert.False(TolerantJson.TryParse(text, out _, out string? error));
        Assert.False(string.IsNullOrEmpty(error));
    }

    [Fact]
    public void Apostrophes_in_prose_do_not_hide_the_object()
    {
        Assert.True(TolerantJson.TryParse("Here's what I've got: {\"a\": 1, \"b\": \"x\"}", out var value, out _));
        Assert.Equal(1, value.GetProperty("a").GetInt32());
    }

    [Theory]
    [InlineData("I can't help with that.", true)]
    [InlineData("I'm sorry, but I cannot create this content.", true)]
    [InlineData("As requested, I am unable to comply with generating unsafe material.", true)]
    [InlineData("Here is the JSON you asked for.", false)]
    [InlineData("", false)]
    public void Recognises_refusals(string text, bool refusal) => Assert.Equal(refusal, Refusals.IsRefusal(text));

    [Fact]
    public void A_readable_reply_that_quotes_a_refusal_is_not_a_refusal()
    {
        string? problem = GeneratorCaller.Read<Probe>("{\"text\": \"I can't help with that.\"}", null, out var value);
        Assert.Null(problem);
        Assert.Equal("I can't help with that.", value!.Text);
        Assert.StartsWith("refusal", GeneratorCaller.Read<Probe>("I can't help with that.", null, out _));
        Assert.StartsWith("malformed", GeneratorCaller.Read<Probe>("{\"text\": ", null, out _));
        Assert.StartsWith("invalid", GeneratorCaller.Read<Probe>("{\"text\": \"\"}", p => p.Text.Length == 0 ? "empty" : null, out _));
    }

    internal sealed record Probe
    {
        public string Text { get; init; } = string.Empty;
    }
}
