using BenchmarkAgent.Testing.Subjects;

namespace BenchmarkAgent.Testing.Running;

/// <summary>
/// A model call that kept failing with transient errors until its attempts ran out (<c>BA2011</c>). The item's test
/// fails with it and the report counts it as an error, apart from wrong answers.
/// </summary>
public sealed class ModelCallException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="role">The role whose call failed, e.g. <c>subject</c>.</param>
    /// <param name="attempts">How many attempts were made.</param>
    /// <param name="lastError">The last attempt's error.</param>
    public ModelCallException(string role, int attempts, Exception lastError)
        : base($"{ErrorCodes.CallFailedAfterRetries}: the {role} call failed after {attempts} attempt(s); last error: {lastError?.GetType().Name}: {lastError?.Message} " +
            "Check that the endpoint is up and not rate-limiting, or lower BENCHAGENT_SUBJECT_CONCURRENCY.", lastError)
    {
        Role = role;
        Attempts = attempts;
    }

    /// <summary>The role whose call failed.</summary>
    public string Role { get; } = string.Empty;

    /// <summary>How many attempts were made.</summary>
    public int Attempts { get; }
}
