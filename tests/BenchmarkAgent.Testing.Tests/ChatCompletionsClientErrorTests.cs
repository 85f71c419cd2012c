using System.Text;
using BenchmarkAgent.Testing.Subjects;
using Microsoft.Extensions.AI;

namespace BenchmarkAgent.Testing.Tests;

public sealed class ChatCompletionsClientErrorTests
{
    [Fact]
    public async Task An_endpoint_that_echoes_the_key_in_its_error_does_not_put_it_in_the_exception()
    {
        const string Key = "sk-live-0123456789abcdef";
        using var handler = new EchoKeyHandler();
        using var client = new ChatCompletionsClient(new ChatClientSettings(ModelRole.Subject, new Uri("http://127.0.0.1:9/v1"), "m", Key), handler: handler);

        var error = await Assert.ThrowsAsync<ChatEndpointException>(() => client.GetResponseAsync("hi", cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal("Bearer " + Key, handler.Authorization);
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, error.StatusCode);
        Assert.DoesNotContain(Key, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Key, error.EndpointMessage, StringComparison.Ordinal);
        Assert.Equal("Incorrect API key provided: ***.", error.EndpointMessage);
        Assert.Equal("30", error.RetryAfter);
    }

    private sealed class EchoKeyHandler : HttpMessageHandler
    {
        public string? Authorization { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Authorization = request.Headers.Authorization?.ToString();
            string key = request.Headers.Authorization?.Parameter ?? string.Empty;
            var response = new HttpResponseMessage(System.Net.HttpStatusCode.Unauthorized)
            {
                Content = new StringContent($$$"""{"error":{"message":"Incorrect API key provided: {{{key}}}."}}""", Encoding.UTF8, "application/json"),
            };
            response.Headers.TryAddWithoutValidation("Retry-After", "30");
            return Task.FromResult(response);
        }
    }
}
