using System.Text;
using System.Text.Json.Nodes;

namespace BenchmarkAgent.Models.Tests.Batches;

public sealed class BatchFormatTests
{
    [Fact]
    public void A_request_line_keeps_the_body_drops_streaming_and_names_the_providers_url()
    {
        byte[] body = Encoding.UTF8.GetBytes("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"\\u00fc \\\"q\\\"\"}],\"stream\":true,\"stream_options\":{\"include_usage\":true},\"temperature\":0}");

        var openAi = JsonNode.Parse(BatchFormat.RequestLine("key-1", BatchProvider.OpenAi, body))!;
        var azure = JsonNode.Parse(BatchFormat.RequestLine("key-1", BatchProvider.Azure, body))!;
        var vllm = JsonNode.Parse(BatchFormat.RequestLine("key-1", BatchProvider.VllmFiles, body))!;

        Assert.Equal(("key-1", "POST", "/v1/chat/completions"), (openAi["custom_id"]!.GetValue<string>(), openAi["method"]!.GetValue<string>(), openAi["url"]!.GetValue<string>()));
        Assert.Equal("/chat/completions", azure["url"]!.GetValue<string>());
        Assert.Equal("/v1/chat/completions", vllm["url"]!.GetValue<string>());
        Assert.Null(openAi["body"]!["stream"]);
        Assert.Null(openAi["body"]!["stream_options"]);
        Assert.Equal("ü \"q\"", openAi["body"]!["messages"]![0]!["content"]!.GetValue<string>());
        Assert.DoesNotContain('\n', BatchFormat.RequestLine("key-1", BatchProvider.OpenAi, body));
        Assert.Throws<ArgumentException>(() => BatchFormat.RequestLine("key-1", BatchProvider.OpenAi, "[1,2]"u8));
    }

    [Fact]
    public void Result_files_are_read_line_by_line_and_hostile_lines_are_skipped_or_failed_never_trusted()
    {
        string longMessage = new('x', 2000);
        string file = string.Join("\n",
            "{\"custom_id\":\"ok\",\"response\":{\"status_code\":200,\"body\":{\"choices\":[]}},\"error\":null}",
            "{\"custom_id\":\"refused\",\"response\":{\"status_code\":400,\"body\":{\"error\":{\"code\":\"content_filter\",\"message\":\"no\"}}}}",
            "{\"custom_id\":\"vllm-error\",\"response\":null,\"error\":{\"message\":\"" + longMessage + "\"}}",
            "{\"custom_id\":\"server\",\"response\":{\"status_code\":500,\"body\":\"not an object\"}}",
            "{\"response\":{\"status_code\":200}}",
            "{\"custom_id\":42}",
            "[\"custom_id\",\"array\"]",
            "not json at all",
            "   ",
            "{\"custom_id\":\"ok-crlf\",\"response\":{\"status_code\":200,\"body\":{}}}\r");

        var results = BatchFormat.ReadResults(Encoding.UTF8.GetBytes(file), out int unreadable);

        Assert.Equal(["ok", "refused", "vllm-error", "server", "ok-crlf"], results.Select(r => r.CustomId));
        Assert.Equal(4, unreadable);
        Assert.True(results[0].Succeeded);
        Assert.False(results[1].Succeeded);
        Assert.Equal("content_filter: no", results[1].FailureText);
        Assert.Equal(503, results[2].FailureText.Length); // cut at 500 characters plus "..."
        Assert.Equal("HTTP 500", results[3].FailureText);
        Assert.True(results[4].Succeeded);
    }
}
