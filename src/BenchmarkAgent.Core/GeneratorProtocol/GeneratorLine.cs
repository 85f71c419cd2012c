namespace BenchmarkAgent.GeneratorProtocol;

/// <summary>
/// One line the generator program writes to standard output, as JSON: progress, a message, a warning or error with its
/// BA code, or the final result. The task turns each into an MSBuild message, warning or error.
/// </summary>
/// <param name="Type">One of <see cref="GeneratorLineTypes"/>.</param>
internal sealed record GeneratorLine(string Type)
{
    /// <summary>The text of a message, warning or error; never holds a secret.</summary>
    public string? Text { get; init; }

    /// <summary>The BA code of a warning or error.</summary>
    public string? Code { get; init; }

    /// <summary>A message's importance: <c>high</c>, <c>normal</c> or <c>low</c>.</summary>
    public string? Importance { get; init; }

    /// <summary>The file a warning or error is about; null for the project file.</summary>
    public string? File { get; init; }

    /// <summary>The 1-based line in <see cref="File"/>; 0 for none.</summary>
    public int Line { get; init; }

    /// <summary>The benchmark a progress line is about.</summary>
    public string? Benchmark { get; init; }

    /// <summary>The stage of a progress line (<c>plan</c>, <c>generate</c>, ...).</summary>
    public string? Stage { get; init; }

    /// <summary>Items done so far (progress).</summary>
    public int Done { get; init; }

    /// <summary>Items to do in all (progress).</summary>
    public int Total { get; init; }

    /// <summary>The benchmarks whose snapshots were written (result).</summary>
    public IReadOnlyList<string>? Generated { get; init; }

    /// <summary>A progress line.</summary>
    public static GeneratorLine Progress(string benchmark, string stage, int done, int total) =>
        new(GeneratorLineTypes.Progress) { Benchmark = benchmark, Stage = stage, Done = done, Total = total };

    /// <summary>A message of the given importance.</summary>
    public static GeneratorLine Message(string importance, string text) =>
        new(GeneratorLineTypes.Message) { Importance = importance, Text = text };

    /// <summary>A warning with its code.</summary>
    public static GeneratorLine Warning(string code, string text, string? file = null, int line = 0) =>
        new(GeneratorLineTypes.Warning) { Code = code, Text = text, File = file, Line = line };

    /// <summary>An error with its code.</summary>
    public static GeneratorLine Error(string code, string text, string? file = null, int line = 0) =>
        new(GeneratorLineTypes.Error) { Code = code, Text = text, File = file, Line = line };

    /// <summary>The result: the benchmarks generated.</summary>
    public static GeneratorLine Result(IReadOnlyList<string> generated) =>
        new(GeneratorLineTypes.Result) { Generated = generated };
}
