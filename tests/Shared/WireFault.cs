namespace BenchmarkAgent.Tests.Shared;

/// <summary>What <see cref="FaultyOpenAiServer"/> does with one request.</summary>
public enum WireFault
{
    /// <summary>A normal chat completion.</summary>
    None,

    /// <summary>HTTP 429 with <c>Retry-After: 0</c>.</summary>
    TooManyRequestsWithRetryAfter,

    /// <summary>HTTP 429 without <c>Retry-After</c>.</summary>
    TooManyRequests,

    /// <summary>HTTP 500.</summary>
    InternalServerError,

    /// <summary>HTTP 503.</summary>
    ServiceUnavailable,

    /// <summary>The connection is reset (TCP RST) before any response.</summary>
    Reset,

    /// <summary>Headers and part of the body are sent, then nothing until the server stops.</summary>
    StalledBody,

    /// <summary>Headers announce more body than is sent; the connection closes early.</summary>
    TruncatedBody,

    /// <summary>A 200 response whose body is not JSON.</summary>
    MalformedJson,

    /// <summary>A 200 response with an empty <c>choices</c> array.</summary>
    EmptyChoices,

    /// <summary>A 200 response whose message content is <c>null</c>.</summary>
    NullContent,
}
