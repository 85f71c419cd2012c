namespace BenchmarkAgent.Generation;

/// <summary>
/// The LLM backbone could not go on: a generator call failed for good (<c>BA0500</c>), a planning stage got no usable
/// answer (<c>BA0501</c>), or the design agent kept no subtask (<c>BA0504</c>). The message starts with the code, says
/// what to do, and never holds a secret (the model layer masks keys before its text gets here).
/// </summary>
internal sealed class LlmGenerationException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="code">The stable error code.</param>
    /// <param name="message">What happened and what to do, without the code (it is prefixed).</param>
    /// <param name="innerException">The cause, when its text is known not to hold a secret.</param>
    public LlmGenerationException(string code, string message, Exception? innerException = null)
        : base($"{code}: {message}", innerException)
    {
        Code = code;
    }

    /// <summary>The stable error code.</summary>
    public string Code { get; }
}
