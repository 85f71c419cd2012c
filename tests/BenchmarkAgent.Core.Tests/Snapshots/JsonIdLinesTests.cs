using BenchmarkAgent.Snapshots;

namespace BenchmarkAgent.Core.Tests.Snapshots;

public sealed class JsonIdLinesTests
{
    private const string Text = """
        {
          "schema": "benchagent/items@2",
          "items": [
            {
              "id": "a-1",
              "prompt": "Say \"id\": \"b-2\" back"
            },
            {
              "id": "b-2",
              "provenance": { "id": "not-an-item" }
            },
            {
              "id": "a-1"
            },
            {
              "id": "quote\"d"
            }
          ]
        }
        """;

    [Fact]
    public void Each_id_is_found_on_its_line()
    {
        var lines = JsonIdLines.Index(Text);

        Assert.Equal(5, lines.LineOf("a-1"));
        Assert.Equal(9, lines.LineOf("b-2"));
        Assert.Equal(10, lines.LineOf("not-an-item"));
    }

    [Fact]
    public void Later_occurrences_are_counted_in_file_order()
    {
        var lines = JsonIdLines.Index(Text);

        Assert.Equal(13, lines.LineOf("a-1", occurrence: 2));
        Assert.Equal(0, lines.LineOf("a-1", occurrence: 3));
        Assert.Equal(0, lines.LineOf("b-2", occurrence: 2));
    }

    [Fact]
    public void Escaped_quotes_inside_a_string_are_not_an_id_and_an_escaped_id_is_found_as_written()
    {
        var lines = JsonIdLines.Index(Text);

        // The prompt on line 6 spells "id": "b-2" with escaped quotes: it is text, not a property.
        Assert.Equal(9, lines.LineOf("b-2"));
        Assert.Equal(16, lines.LineOf("quote\\\"d"));
        Assert.Equal(0, lines.LineOf("missing"));
    }

    [Fact]
    public void An_unterminated_id_string_is_skipped_and_the_scan_goes_on()
    {
        var lines = JsonIdLines.Index("{ \"id\": \"open\n  \"id\": \"next\" }");

        Assert.Equal(0, lines.LineOf("open"));
        Assert.Equal(2, lines.LineOf("next"));
    }

    [Fact]
    public void Windows_line_endings_count_the_same_lines()
    {
        var lines = JsonIdLines.Index(Text.ReplaceLineEndings("\r\n"));

        Assert.Equal(5, lines.LineOf("a-1"));
        Assert.Equal(13, lines.LineOf("a-1", occurrence: 2));
    }
}
