using System.Net;
using System.Text;
using System.Text.Json;
using BenchmarkAgent.Tests.Shared;

namespace BenchmarkAgent.Models.Tests;

public sealed class OpenAiWireServerTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Unknown_path_is_a_404_json_error()
    {
        await using var server = OpenAiWireServer.Start(_ => "x");
        using var http = new HttpClient();

        var response = await http.GetAsync($"{server.BaseUrl}/nothing", Token);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Token));
        Assert.Equal("not_found", json.RootElement.GetProperty("error").GetProperty("code").GetString());
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task Raw_request_with_array_content_gets_a_chat_completion()
    {
        await using var server = OpenAiWireServer.Start(r => $"echo:{r.LastUserText}");
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{server.BaseUrl}/chat/completions")
        {
            Content = new StringContent(
                """{"model":"m1","messages":[{"role":"system","content":"sys"},{"role":"user","content":[{"type":"text","text":"part1"},{"type":"text","text":"part2"}]}]}""",
                Encoding.UTF8,
                "application/json"),
        };
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer k");

        var response = await http.SendAsync(request, Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Token));
        var root = json.RootElement;
        Assert.StartsWith("chatcmpl-", root.GetProperty("id").GetString());
        Assert.Equal("chat.completion", root.GetProperty("object").GetString());
        Assert.Equal("m1", root.GetProperty("model").GetString());
        var choice = root.GetProperty("choices")[0];
        Assert.Equal("stop", choice.GetProperty("finish_reason").GetString());
        Assert.Equal("assistant", choice.GetProperty("message").GetProperty("role").GetString());
        Assert.Equal("echo:part1\npart2", choice.GetProperty("message").GetProperty("content").GetString());
        Assert.True(root.GetProperty("usage").GetProperty("total_tokens").GetInt32() > 0);
        var seen = Assert.Single(server.Requests);
        Assert.Equal("sys", seen.SystemText);
        Assert.Equal("Bearer k", seen.Authorization);
    }

    [Fact]
    public async Task Responder_exception_is_a_500_and_selected_requests_can_fail()
    {
        await using var server = OpenAiWireServer.Start(
            r => r.LastUserText == "boom" ? throw new InvalidOperationException("no") : "fine",
            failWith: r => r.LastUserText == "teapot" ? 418 : null);
        using var http = new HttpClient();

        async Task<HttpStatusCode> Send(string text)
        {
            var body = JsonSerializer.Serialize(new { model = "m", messages = new[] { new { role = "user", content = text } } });
            var response = await http.PostAsync($"{server.BaseUrl}/chat/completions", new StringContent(body, Encoding.UTF8, "application/json"), Token);
            return response.StatusCode;
        }

        Assert.Equal(HttpStatusCode.InternalServerError, await Send("boom"));
        Assert.Equal((HttpStatusCode)418, await Send("teapot"));
        Assert.Equal(HttpStatusCode.OK, await Send("ok"));
        Assert.Equal(["boom", "teapot", "ok"], server.Requests.Select(r => r.LastUserText));
    }

    [Fact]
    public async Task Two_servers_get_different_ports_and_dispose_is_idempotent()
    {
        var first = OpenAiWireServer.Start(_ => "a");
        await using var second = OpenAiWireServer.Start(_ => "b");

        Assert.NotEqual(first.Port, second.Port);
        Assert.Equal($"http://127.0.0.1:{first.Port}/v1", first.BaseUrl);
        await first.DisposeAsync();
        await first.DisposeAsync();
    }
}
