namespace BenchmarkAgent.Models;

/// <summary>Carries a request body out of <see cref="CannedHttpHandler"/> in capture mode; never a real failure.</summary>
internal sealed class RequestCapturedException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="body">The captured body.</param>
    public RequestCapturedException(byte[] body)
        : base("The request was captured for a batch and not sent.") => Body = body;

    /// <summary>The captured request body.</summary>
    public byte[] Body { get; }
}
