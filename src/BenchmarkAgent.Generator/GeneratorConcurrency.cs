using System.Globalization;

namespace BenchmarkAgent.Generator;

/// <summary>
/// How many sample positions of a subtask the LLM backbone realises at once (<c>BENCHAGENT_GENERATOR_CONCURRENCY</c>).
/// It changes only the wall time: the items are the same at any concurrency, so it is not part of the fingerprint.
/// </summary>
internal static class GeneratorConcurrency
{
    /// <summary>The environment variable.</summary>
    public const string Variable = "BENCHAGENT_GENERATOR_CONCURRENCY";

    /// <summary>The value when the variable is unset.</summary>
    public const int Default = 8;

    /// <summary>The largest accepted value.</summary>
    public const int Maximum = 1024;

    /// <summary>The concurrency <paramref name="value"/> asks for; <see cref="Default"/> when unset; null when invalid.</summary>
    public static int? Read(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return Default;
        }

        return int.TryParse(value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int n) && n is >= 1 and <= Maximum ? n : null;
    }
}
