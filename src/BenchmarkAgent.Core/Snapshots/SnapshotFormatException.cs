namespace BenchmarkAgent.Snapshots;

/// <summary>A snapshot file that cannot be read: corrupt, hand-broken, or of an unknown schema.</summary>
internal sealed class SnapshotFormatException : FileFormatException
{
    /// <summary>Creates a <see cref="ErrorCodes.MalformedSnapshot"/> exception.</summary>
    /// <param name="file">The snapshot file.</param>
    /// <param name="line">The 1-based line of the problem, 0 when unknown.</param>
    /// <param name="message">What is wrong and what to fix.</param>
    /// <param name="inner">The underlying error, if any.</param>
    public SnapshotFormatException(string file, int line, string message, Exception? inner = null)
        : base(ErrorCodes.MalformedSnapshot, file, line, message, inner)
    {
    }

    /// <summary>Creates the exception with a specific code (one of the snapshot codes in <see cref="ErrorCodes"/>).</summary>
    /// <param name="code">The stable error code.</param>
    /// <param name="file">The snapshot file.</param>
    /// <param name="line">The 1-based line of the problem, 0 when unknown.</param>
    /// <param name="message">What is wrong and what to fix.</param>
    public SnapshotFormatException(string code, string file, int line, string message)
        : base(code, file, line, message, null)
    {
    }
}
