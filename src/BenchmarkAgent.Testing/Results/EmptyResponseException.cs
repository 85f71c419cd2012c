namespace BenchmarkAgent.Testing.Results;

/// <summary>
/// The subject answered without answer text: an empty <c>choices</c> array or null/blank content (BA2063). The item is
/// an error item, counted apart and excluded from scoring, never a wrong answer.
/// </summary>
internal sealed class EmptyResponseException : Exception
{
    /// <summary>Creates the error for a response with <paramref name="messages"/> messages.</summary>
    public EmptyResponseException(int messages)
        : base($"{ErrorCodes.EmptyResponse}: the subject's response had no answer text ({(messages == 0 ? "no choices/messages" : "null or blank content")}); the item is counted as an error, not scored.")
    {
    }

    /// <summary>Creates the error with the default message.</summary>
    public EmptyResponseException()
        : this(0)
    {
    }

    /// <summary>Creates the error with <paramref name="message"/>.</summary>
    public EmptyResponseException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the error with <paramref name="message"/> and <paramref name="innerException"/>.</summary>
    public EmptyResponseException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
