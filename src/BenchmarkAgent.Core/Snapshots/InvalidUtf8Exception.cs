namespace BenchmarkAgent.Snapshots;

/// <summary>
/// Thrown by <see cref="JsonArrayFile"/> when an element's bytes are not valid UTF-8, so the caller can read the file
/// as text instead (decoding replaces invalid bytes, as reading the file whole always did).
/// </summary>
internal sealed class InvalidUtf8Exception : Exception
{
    /// <summary>Creates the exception.</summary>
    public InvalidUtf8Exception()
        : base("The text is not valid UTF-8.")
    {
    }
}
