using System.Net;

namespace BenchmarkAgent.Testing.Subjects;

/// <summary>
/// A chat-completions endpoint answered with an HTTP error. Carries the status code (in
/// <see cref="HttpRequestException.StatusCode"/>), the endpoint's own error message and its <c>Retry-After</c> header,
/// so <see cref="Running.RetryingChatClient"/> can tell transient failures (408, 429, 5xx) from the rest.
/// </summary>
public sealed class ChatEndpointException : HttpRequestException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="status">The HTTP status code.</param>
    /// <param name="endpointMessage">The endpoint's error message (from <c>error.message</c>), possibly empty.</param>
    /// <param name="retryAfter">The raw <c>Retry-After</c> header value, or <see langword="null"/>.</param>
    public ChatEndpointException(HttpStatusCode status, string endpointMessage, string? retryAfter)
        : base(
            $"The chat-completions endpoint answered HTTP {(int)status} ({status}){(string.IsNullOrWhiteSpace(endpointMessage) ? "." : ": " + endpointMessage)}",
            inner: null,
            statusCode: status)
    {
        EndpointMessage = endpointMessage;
        RetryAfter = retryAfter;
    }

    /// <summary>The endpoint's error message, possibly empty.</summary>
    public string EndpointMessage { get; }

    /// <summary>The raw <c>Retry-After</c> header value (seconds or an HTTP date), or <see langword="null"/>.</summary>
    public string? RetryAfter { get; }
}
