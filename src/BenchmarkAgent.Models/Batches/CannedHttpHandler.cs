using System.Net;
using System.Text;

namespace BenchmarkAgent.Models;

/// <summary>
/// An in-memory HTTP handler under a second copy of the role's endpoint client, so batch lines use the endpoint
/// client's own wire format: in capture mode it records the request body the client would send and fails the call with
/// <see cref="RequestCapturedException"/> (nothing leaves the process); in replay mode it answers with a given body.
/// </summary>
internal sealed class CannedHttpHandler : HttpMessageHandler
{
    private readonly Func<string>? _replay;

    private CannedHttpHandler(Func<string>? replay) => _replay = replay;

    /// <summary>A handler that captures each request body.</summary>
    /// <returns>The handler.</returns>
    public static CannedHttpHandler Capture() => new(null);

    /// <summary>A handler that answers each request with <paramref name="body"/>'s current value (status 200, JSON).</summary>
    /// <param name="body">Returns the body to answer with.</param>
    /// <returns>The handler.</returns>
    public static CannedHttpHandler Replay(Func<string> body) => new(body);

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (_replay is null)
        {
            byte[] body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            throw new RequestCapturedException(body);
        }

        return new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StringContent(_replay(), Encoding.UTF8, "application/json"),
            RequestMessage = request,
        };
    }
}
