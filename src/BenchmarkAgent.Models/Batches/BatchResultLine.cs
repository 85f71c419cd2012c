namespace BenchmarkAgent.Models;

/// <summary>One line of a batch's output or error file.</summary>
/// <param name="CustomId">The request line's id: the response cache key of the call.</param>
/// <param name="StatusCode">The HTTP status the provider recorded for the line, or <see langword="null"/>.</param>
/// <param name="Body">The response body (a chat completion, or an error object), as JSON text, or <see langword="null"/>.</param>
/// <param name="Error">The line's error text, or <see langword="null"/>.</param>
internal sealed record BatchResultLine(string CustomId, int? StatusCode, string? Body, string? Error)
{
    /// <summary>Whether the line holds an answer: status 200, a body and no error.</summary>
    public bool Succeeded => StatusCode == 200 && Body is not null && Error is null;

    /// <summary>Why the line failed, for the error item.</summary>
    public string FailureText => Error ?? (StatusCode is { } status ? $"HTTP {status}" : "no response");
}
