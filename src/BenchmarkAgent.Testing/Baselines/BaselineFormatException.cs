namespace BenchmarkAgent.Testing.Baselines;

/// <summary>A baseline file that cannot be used: malformed (<c>BA2050</c>) or recorded for another subject (<c>BA2051</c>).</summary>
internal sealed class BaselineFormatException : FileFormatException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="code">The stable error code.</param>
    /// <param name="file">The baseline file.</param>
    /// <param name="line">The 1-based line of the problem, 0 when unknown.</param>
    /// <param name="detail">What is wrong and what to do.</param>
    /// <param name="inner">The underlying error, if any.</param>
    public BaselineFormatException(string code, string file, int line, string detail, Exception? inner = null)
        : base(code, file, line, detail, inner)
    {
    }
}
