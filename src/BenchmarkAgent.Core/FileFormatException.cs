namespace BenchmarkAgent;

/// <summary>
/// A file the engine cannot read (a snapshot, a dataset), located by file and line and carrying a
/// stable error code, so MSBuild can report it as <c>file(line): error CODE: detail</c>.
/// </summary>
internal abstract class FileFormatException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="code">The stable error code.</param>
    /// <param name="file">The file (or folder) that could not be read.</param>
    /// <param name="line">The 1-based line of the problem, 0 when unknown.</param>
    /// <param name="detail">What is wrong and what to fix.</param>
    /// <param name="inner">The underlying error, if any.</param>
    protected FileFormatException(string code, string file, int line, string detail, Exception? inner)
        : base($"{file}({line}): error {code}: {detail}", inner)
    {
        Code = code;
        File = file;
        Line = line;
        Detail = detail;
    }

    /// <summary>The stable error code.</summary>
    public string Code { get; }

    /// <summary>The file that could not be read.</summary>
    public string File { get; }

    /// <summary>The 1-based line of the problem (0 when unknown).</summary>
    public int Line { get; }

    /// <summary>What is wrong, without the location.</summary>
    public string Detail { get; }
}
