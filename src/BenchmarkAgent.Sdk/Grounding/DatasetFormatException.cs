namespace BenchmarkAgent.Grounding;

/// <summary>A dataset file that cannot be read: unknown format, malformed line, or missing fields.</summary>
public sealed class DatasetFormatException : Exception
{
    /// <summary>The stable error code of an unreadable dataset.</summary>
    public const string MalformedCode = "BA0401";

    /// <summary>Creates the exception.</summary>
    /// <param name="file">The file (or folder) that could not be read.</param>
    /// <param name="line">The 1-based line of the problem, 0 when unknown.</param>
    /// <param name="message">What is wrong and what to fix.</param>
    /// <param name="inner">The underlying error, if any.</param>
    public DatasetFormatException(string file, int line, string message, Exception? inner = null)
        : base($"{file}({line}): error {MalformedCode}: {message}", inner)
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
