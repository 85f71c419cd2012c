namespace BenchmarkAgent.Snapshots;

/// <summary>A snapshot file that cannot be read: corrupt, hand-broken, or of an unknown schema.</summary>
public sealed class SnapshotFormatException : Exception
{
    /// <summary>The stable error code of a malformed snapshot.</summary>
    public const string MalformedCode = "BA0201";

    /// <summary>Creates the exception.</summary>
    public SnapshotFormatException(string file, int line, string message, Exception? inner = null)
        : base($"{file}({line}): {message}", inner)
    {
        File = file;
        Line = line;
        Detail = message;
    }

    /// <summary>The stable error code.</summary>
    public string Code => MalformedCode;

    /// <summary>The file that could not be read.</summary>
    public string File { get; }

    /// <summary>The 1-based line of the problem (0 when unknown).</summary>
    public int Line { get; }

    /// <summary>What is wrong, without the location.</summary>
    public string Detail { get; }
}
