namespace BenchmarkAgent.Models;

/// <summary>
/// A model call that failed: after its transient errors used up every attempt (<c>BA2011</c>), or because the endpoint
/// refused it with an error that retrying cannot fix (<c>BA2018</c>). Carries the code, the role, the HTTP status (when
/// the endpoint answered) and how many attempts were made. The message never contains an API key: the endpoint's text
/// is masked before it gets here, and an SDK error whose text could echo the key is not kept as the inner exception.
/// </summary>
internal sealed class ModelCallException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="code">The stable error code, e.g. <c>BA2011</c>.</param>
    /// <param name="role">The role whose call failed, e.g. <c>subject</c>.</param>
    /// <param name="message">What happened, without the code (it is prefixed) and without any secret.</param>
    /// <param name="status">The endpoint's HTTP status, or <see langword="null"/> when it did not answer.</param>
    /// <param name="attempts">How many attempts were made.</param>
    /// <param name="innerException">The last error, when its text is known not to carry a secret.</param>
    public ModelCallException(string code, string role, string message, int? status = null, int attempts = 1, Exception? innerException = null)
        : base($"{code}: {message}", innerException)
    {
        Code = code;
        Role = role;
        Status = status;
        Attempts = attempts;
    }

    /// <summary>The stable error code: <c>BA2011</c> (attempts used up), <c>BA2018</c> (refused), or a provider batch's <c>BA2110</c>-<c>BA2115</c> (pending, failed line, batch call failed, ...).</summary>
    public string Code { get; } = string.Empty;

    /// <summary>The role whose call failed, e.g. <c>subject</c>.</summary>
    public string Role { get; } = string.Empty;

    /// <summary>The endpoint's HTTP status of the last attempt, or <see langword="null"/> when it did not answer.</summary>
    public int? Status { get; }

    /// <summary>How many attempts were made.</summary>
    public int Attempts { get; }
}
