namespace BenchmarkAgent.Snapshots;

/// <summary>A snapshot file that cannot be read: corrupt, hand-broken, or of an unknown schema.</summary>
public sealed class SnapshotFormatException : FileFormatException
{
    /// <summary>The stable error code of a malformed snapshot.</summary>
    public const string MalformedCode = "BA0201";

    /// <summary>Creates the exception.</summary>
    /// <param name="file">The snapshot file.</param>
    /// <param name="line">The 1-based line of the problem, 0 when unknown.</param>
    /// <param name="message">What is wrong and what to fix.</param>
    /// <param name="inner">The underlying error, if any.</param>
    public SnapshotFormatException(string file, int line, string message, Exception? inner = null)
        : base(MalformedCode, file, line, message, inner)
    {
    }
}
