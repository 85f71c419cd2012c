using BenchmarkAgent.GeneratorProtocol;

namespace BenchmarkAgent.Tasks;

/// <summary>How a run of the generator program ended.</summary>
/// <param name="ExitCode">The process exit code.</param>
/// <param name="StandardErrorTail">The last lines it wrote to standard error (not yet redacted).</param>
/// <param name="MalformedLines">The first lines of standard output that were not protocol lines (not yet redacted).</param>
/// <param name="MalformedCount">How many such lines there were in all.</param>
/// <param name="ReportedError">Whether it wrote an error line.</param>
/// <param name="Result">Its result line; null when it wrote none.</param>
internal sealed record GeneratorProcessResult(
    int ExitCode,
    IReadOnlyList<string> StandardErrorTail,
    IReadOnlyList<string> MalformedLines,
    int MalformedCount,
    bool ReportedError,
    GeneratorLine? Result);
