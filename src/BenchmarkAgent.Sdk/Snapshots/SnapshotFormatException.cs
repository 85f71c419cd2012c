namespace BenchmarkAgent.Snapshots;

/// <summary>A snapshot file that cannot be read: corrupt, hand-broken, or of an unknown schema.</summary>
public sealed class SnapshotFormatException : FileFormatException
{
    /// <summary>The stable error code of a malformed snapshot (invalid JSON, missing or invalid fields).</summary>
    public const string MalformedCode = "BA0201";

    /// <summary>The file contains merge-conflict markers.</summary>
    public const string ConflictMarkersCode = "BA0202";

    /// <summary>Two items have the same id.</summary>
    public const string DuplicateIdCode = "BA0203";

    /// <summary>A reviewer-edited item's answer fails its family's independent checker.</summary>
    public const string CheckFailedCode = "BA0204";

    /// <summary>The file's schema version is unknown to this engine.</summary>
    public const string UnknownSchemaCode = "BA0205";

    /// <summary>Creates a <see cref="MalformedCode"/> exception.</summary>
    /// <param name="file">The snapshot file.</param>
    /// <param name="line">The 1-based line of the problem, 0 when unknown.</param>
    /// <param name="message">What is wrong and what to fix.</param>
    /// <param name="inner">The underlying error, if any.</param>
    public SnapshotFormatException(string file, int line, string message, Exception? inner = null)
        : base(MalformedCode, file, line, message, inner)
    {
    }

    /// <summary>Creates the exception with a specific code (one of the <c>*Code</c> constants).</summary>
    /// <param name="code">The stable error code.</param>
    /// <param name="file">The snapshot file.</param>
    /// <param name="line">The 1-based line of the problem, 0 when unknown.</param>
    /// <param name="message">What is wrong and what to fix.</param>
    public SnapshotFormatException(string code, string file, int line, string message)
        : base(code, file, line, message, null)
    {
    }
}
