namespace BenchmarkAgent.GeneratorProtocol;

/// <summary>The values of <see cref="GeneratorLine.Type"/> and <see cref="GeneratorLine.Importance"/>.</summary>
internal static class GeneratorLineTypes
{
    /// <summary>An accepted item or a finished stage.</summary>
    public const string Progress = "progress";

    /// <summary>A build message.</summary>
    public const string Message = "message";

    /// <summary>A build warning with a BA code.</summary>
    public const string Warning = "warning";

    /// <summary>A build error with a BA code.</summary>
    public const string Error = "error";

    /// <summary>The last line of a run that ended normally.</summary>
    public const string Result = "result";

    /// <summary>A message shown at the default verbosity.</summary>
    public const string High = "high";

    /// <summary>A message shown with <c>-v:n</c>.</summary>
    public const string Normal = "normal";

    /// <summary>A message shown with <c>-v:d</c>.</summary>
    public const string Low = "low";
}
