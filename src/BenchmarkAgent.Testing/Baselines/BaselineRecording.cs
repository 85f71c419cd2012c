using BenchmarkAgent.Testing.Baselines;

namespace BenchmarkAgent.Testing.Baselines;

/// <summary>Whether a run records new baselines (<c>BENCHAGENT_RECORD_BASELINE=true</c>), or why it may not.</summary>
/// <param name="Enabled">True when the run records: each benchmark's aggregate test writes its baseline, and item tests do not fail on wrong answers.</param>
/// <param name="Error">A problem with the switch (invalid value, or recording asked for in locked mode); gate tests fail with it.</param>
internal sealed record BaselineRecording(bool Enabled, string? Error)
{
    /// <summary>The switch that records new baselines.</summary>
    public const string Variable = "BENCHAGENT_RECORD_BASELINE";

    /// <summary>Reads the switch. Locked mode (<c>CI=true</c>) refuses to record, so CI never rewrites baselines silently.</summary>
    /// <param name="environment">The environment lookup.</param>
    /// <returns>The recording mode.</returns>
    public static BaselineRecording Read(Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        string value = environment(Variable)?.Trim() ?? string.Empty;
        bool record;
        if (value.Length == 0 || value.Equals("false", StringComparison.OrdinalIgnoreCase) || value == "0")
        {
            record = false;
        }
        else if (value.Equals("true", StringComparison.OrdinalIgnoreCase) || value == "1")
        {
            record = true;
        }
        else
        {
            return new BaselineRecording(false, $"{ErrorCodes.InvalidRecordSwitch}: {Variable} is '{value}'; use true (record new baselines) or false.");
        }

        if (record && string.Equals(environment("CI")?.Trim(), "true", StringComparison.OrdinalIgnoreCase))
        {
            return new BaselineRecording(false, $"{ErrorCodes.RecordLocked}: {Variable}=true in a locked (CI=true) run: CI never rewrites baselines. Record locally without CI=true (BENCHAGENT_RECORD_BASELINE=true dotnet test), review the diff of Benchmarks/<name>/baselines/ and commit it.");
        }

        return new BaselineRecording(record, null);
    }
}
