namespace BenchmarkAgent.Grounding;

/// <summary>A dataset file that cannot be read: unknown format, malformed line, missing fields, wrong encoding, too large.</summary>
internal sealed class DatasetFormatException : FileFormatException
{
    /// <summary>Creates the exception with the general code BA0401.</summary>
    /// <param name="file">The file (or folder) that could not be read.</param>
    /// <param name="line">The 1-based line of the problem, 0 when unknown.</param>
    /// <param name="message">What is wrong and what to fix.</param>
    /// <param name="inner">The underlying error, if any.</param>
    public DatasetFormatException(string file, int line, string message, Exception? inner = null)
        : base(ErrorCodes.MalformedDataset, file, line, message, inner)
    {
    }

    /// <summary>Creates the exception with a specific code from the BA04xx range.</summary>
    /// <param name="code">The stable error code.</param>
    /// <param name="file">The file (or folder) that could not be read.</param>
    /// <param name="line">The 1-based line of the problem, 0 when unknown.</param>
    /// <param name="message">What is wrong and what to fix.</param>
    public DatasetFormatException(string code, string file, int line, string message)
        : base(code, file, line, message, null)
    {
    }
}
