namespace BenchmarkAgent.Generation.Calls;

/// <summary>The outcome of one structured step: the parsed value, or the problem of its last attempt.</summary>
/// <typeparam name="T">The reply's shape.</typeparam>
/// <param name="Value">The parsed and validated value; null when every attempt failed.</param>
/// <param name="Attempts">How many attempts were made.</param>
/// <param name="Problem">Why the last attempt failed (<c>refusal: ...</c>, <c>malformed: ...</c>, <c>invalid: ...</c>); null on success.</param>
internal sealed record StepResult<T>(T? Value, int Attempts, string? Problem)
    where T : class
{
    /// <summary>Whether a usable value came back.</summary>
    public bool Succeeded => Value is not null;
}
