namespace BenchmarkAgent.Models;

/// <summary>
/// A 200 reply that is not a readable chat completion (a truncated body, broken JSON, no choices): the SDK failed while
/// reading it. Transient like a dropped connection, so the call is retried; when every attempt gets one, it is the inner
/// exception of the <see cref="ModelCallException"/>, and callers can report it as a malformed reply (e.g. BA2063).
/// </summary>
internal sealed class MalformedReplyException : IOException
{
    /// <summary>Wraps the SDK's reading error.</summary>
    public MalformedReplyException(Exception readingError)
        : base($"The endpoint's reply is not a readable chat completion ({readingError.GetType().Name}).", readingError)
    {
    }
}
