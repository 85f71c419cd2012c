using System.Text;
using System.Text.Json;
using BenchmarkAgent.Testing.Subjects;
using Microsoft.Extensions.AI;

namespace BenchmarkAgent.Testing.Tests;

public sealed class ChatCompletionsWireTests
{
    private static JsonElement Parse(byte[] body) => JsonDocument.Parse(body).RootElement;

    [Fact]
    public void Every_sampling_option_is_written_with_its_wire_name_and_additional_properties_are_not()
    {
        var options = new ChatOptions
        {
            Temperature = 0.5f,
            TopP = 0.9f,
            MaxOutputTokens = 64,
            Seed = 42,
            FrequencyPenalty = 0.1f,
            PresencePenalty = 0.2f,
            StopSequences = ["\n\n", "END"],
            ResponseFormat = ChatResponseFormat.Json,
            AdditionalProperties = new() { ["benchagent.repeat"] = 3, ["secret-item-answer"] = "42" },
        };

        var body = Parse(ChatCompletionsWire.WriteRequest("m", [new(ChatRole.System, "s"), new(ChatRole.User, "u")], options, stream: false));

        Assert.Equal("m", body.GetProperty("model").GetString());
        Assert.Equal(["system", "user"], body.GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("role").GetString()));
        Assert.Equal(["s", "u"], body.GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("content").GetString()));
        Assert.Equal(0.5, body.GetProperty("temperature").GetDouble(), 5);
        Assert.Equal(0.9, body.GetProperty("top_p").GetDouble(), 5);
        Assert.Equal(64, body.GetProperty("max_completion_tokens").GetInt32());
        Assert.Equal(42, body.GetProperty("seed").GetInt64());
        Assert.Equal(0.1, body.GetProperty("frequency_penalty").GetDouble(), 5);
        Assert.Equal(0.2, body.GetProperty("presence_penalty").GetDouble(), 5);
        Assert.Equal(["\n\n", "END"], body.GetProperty("stop").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal("json_object", body.GetProperty("response_format").GetProperty("type").GetString());
        Assert.False(body.TryGetProperty("stream", out _));
        string text = body.GetRawText();
        Assert.DoesNotContain("benchagent", text);
        Assert.DoesNotContain("secret-item-answer", text);
    }

    [Fact]
    public void Float_options_keep_their_shortest_form_and_unset_options_are_left_out()
    {
        var body = Encoding.UTF8.GetString(ChatCompletionsWire.WriteRequest("m", [new(ChatRole.User, "u")], new ChatOptions { Temperature = 0.1f, MaxOutputTokens = 5 }, stream: false));

        Assert.Contains("\"temperature\":0.1,", body, StringComparison.Ordinal);
        Assert.Contains("\"max_completion_tokens\":5", body, StringComparison.Ordinal);
        Assert.DoesNotContain("top_p", body, StringComparison.Ordinal);
        Assert.DoesNotContain("seed", body, StringComparison.Ordinal);
        Assert.DoesNotContain("response_format", body, StringComparison.Ordinal);
    }

    [Fact]
    public void A_model_in_the_options_wins_and_a_schema_becomes_a_strict_json_schema_format()
    {
        var schema = JsonDocument.Parse("""{"type":"object","properties":{"score":{"type":"integer"}}}""").RootElement;
        var options = new ChatOptions { ModelId = "other", ResponseFormat = ChatResponseFormat.ForJsonSchema(schema, "rating", "A rating.") };

        var body = Parse(ChatCompletionsWire.WriteRequest("m", [new(ChatRole.User, "u")], options, stream: true));

        Assert.Equal("other", body.GetProperty("model").GetString());
        var format = body.GetProperty("response_format");
        Assert.Equal("json_schema", format.GetProperty("type").GetString());
        Assert.Equal("rating", format.GetProperty("json_schema").GetProperty("name").GetString());
        Assert.True(format.GetProperty("json_schema").GetProperty("strict").GetBoolean());
        Assert.Equal("integer", format.GetProperty("json_schema").GetProperty("schema").GetProperty("properties").GetProperty("score").GetProperty("type").GetString());
        Assert.True(body.GetProperty("stream").GetBoolean());
        Assert.True(body.GetProperty("stream_options").GetProperty("include_usage").GetBoolean());
    }

    [Fact]
    public void Content_other_than_text_is_refused_with_a_way_out()
    {
        var image = new ChatMessage(ChatRole.User, [new TextContent("what is this?"), new DataContent(new byte[] { 1, 2, 3 }, "image/png")]);

        var error = Assert.Throws<NotSupportedException>(() => ChatCompletionsWire.WriteRequest("m", [image], null, stream: false));

        Assert.Contains("DataContent", error.Message);
        Assert.Contains("[assembly: BenchmarkSubject]", error.Message);
    }

    [Fact]
    public void A_completion_becomes_a_response_with_text_model_id_finish_reason_and_usage()
    {
        var body = Parse(Encoding.UTF8.GetBytes("""
            {"id":"chatcmpl-1","object":"chat.completion","created":1700000000,"model":"m-2024",
             "choices":[{"index":0,"message":{"role":"assistant","content":"Answer: 7"},"finish_reason":"length"}],
             "usage":{"prompt_tokens":11,"completion_tokens":3,"total_tokens":14}}
            """));

        var response = ChatCompletionsWire.ReadResponse(body);

        Assert.Equal("Answer: 7", response.Text);
        Assert.Equal("m-2024", response.ModelId);
        Assert.Equal("chatcmpl-1", response.ResponseId);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1700000000), response.CreatedAt);
        Assert.Equal(ChatFinishReason.Length, response.FinishReason);
        Assert.Equal(11, response.Usage!.InputTokenCount);
        Assert.Equal(3, response.Usage.OutputTokenCount);
        Assert.Equal(14, response.Usage.TotalTokenCount);
    }

    [Fact]
    public void A_refusal_is_the_text_and_a_body_without_choices_is_rejected()
    {
        var refusal = Parse(Encoding.UTF8.GetBytes("""{"choices":[{"message":{"role":"assistant","content":null,"refusal":"I can't help."}}]}"""));

        Assert.Equal("I can't help.", ChatCompletionsWire.ReadResponse(refusal).Text);
        Assert.Throws<InvalidDataException>(() => ChatCompletionsWire.ReadResponse(Parse(Encoding.UTF8.GetBytes("""{"error":"x"}"""))));
    }

    [Fact]
    public void Stream_chunks_carry_text_deltas_and_the_last_one_the_usage()
    {
        var delta = ChatCompletionsWire.ReadChunk(Parse(Encoding.UTF8.GetBytes("""{"id":"c","model":"m","choices":[{"index":0,"delta":{"content":"Hel"},"finish_reason":null}]}""")));
        var usage = ChatCompletionsWire.ReadChunk(Parse(Encoding.UTF8.GetBytes("""{"id":"c","model":"m","choices":[],"usage":{"prompt_tokens":2,"completion_tokens":5,"total_tokens":7}}""")));

        Assert.Equal("Hel", delta.Text);
        Assert.Null(delta.FinishReason);
        Assert.Equal(string.Empty, usage.Text);
        Assert.Equal(5, Assert.IsType<UsageContent>(Assert.Single(usage.Contents)).Details.OutputTokenCount);
    }

    [Theory]
    [InlineData("""{"error":{"message":"Rate limit reached.","type":"requests"}}""", "Rate limit reached.")]
    [InlineData("""{"error":"model not found"}""", "model not found")]
    [InlineData("  upstream connect error  ", "upstream connect error")]
    [InlineData("", "")]
    public void The_endpoint_error_message_is_taken_from_the_body(string body, string expected)
    {
        Assert.Equal(expected, ChatCompletionsWire.ErrorMessage(body));
    }

    [Fact]
    public void A_long_non_json_error_body_is_cut()
    {
        string message = ChatCompletionsWire.ErrorMessage(new string('x', 2000));

        Assert.Equal(503, message.Length);
        Assert.EndsWith("...", message);
    }
}
